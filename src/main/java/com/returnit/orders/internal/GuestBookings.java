package com.returnit.orders.internal;

import com.returnit.identity.Caller;
import com.returnit.orders.ReturnSessions;
import com.returnit.orders.internal.domain.Order;
import com.returnit.orders.internal.domain.OrderItem;
import com.returnit.orders.internal.domain.ReturnRequest;
import com.returnit.platform.FieldError;
import com.returnit.platform.InvalidInput;
import com.returnit.platform.NotFound;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What a guest of a return link may quote and book (ADR 0035): from that session's merchant, a subset of its items
 * exactly as the merchant described them, while the session is open; once booked, the session is used. Other callers
 * pass unchanged. {@link GuestRequestBodies} fills a guest's items in from the session, so this only refuses what
 * did not come from it.
 */
@Component
class GuestBookings {

	private final ObjectProvider<ReturnSessions> sessions;

	GuestBookings(ObjectProvider<ReturnSessions> sessions) {
		this.sessions = sessions;
	}

	/** The guest's session, if it is still bookable (404, 409 or 410 otherwise). */
	ReturnSessions.Session session(UUID sessionId) {
		ReturnSessions found = sessions.getIfAvailable();
		if (found == null) {
			throw new NotFound("Return link");
		}
		return found.bookable(sessionId);
	}

	/** Refuses (422, naming each field) a guest's request that is not a subset of its open session. */
	void check(Caller caller, ReturnRequest request) {
		if (!caller.isGuest()) {
			return;
		}
		ReturnSessions.Session session = session(Objects.requireNonNull(caller.sessionId()));
		List<FieldError> errors = new ArrayList<>();
		if (!session.customerId().equals(caller.id())) {
			throw new NotFound("Return link");
		}
		if (!session.merchantId().equals(request.merchantId())) {
			errors.add(new FieldError("merchantId", "must be the merchant of your return link"));
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < request.items().size(); i++) {
			OrderItem item = request.items().get(i);
			String at = "items[" + i + "]";
			var named = session.item(item.sku());
			if (named.isEmpty()) {
				errors.add(new FieldError(at + ".sku", "is not an item of your return link"));
			}
			else if (!seen.add(item.sku())) {
				errors.add(new FieldError(at + ".sku", "is listed twice"));
			}
			else {
				errors.addAll(differences(at, item, named.get(), session.merchantOrderRef()));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(422, errors);
		}
	}

	/** Records the guest's order on its session, in the booking's transaction; nothing for other orders. */
	void booked(Order order) {
		UUID sessionId = order.booking().returnSessionId();
		if (sessionId != null) {
			Objects.requireNonNull(sessions.getIfAvailable()).booked(sessionId, order.id());
		}
	}

	private static List<FieldError> differences(String at, OrderItem item, ReturnSessions.Item named, String ref) {
		List<FieldError> errors = new ArrayList<>();
		String message = "must be as the merchant described the item";
		if (!item.description().equals(named.description())) {
			errors.add(new FieldError(at + ".description", message));
		}
		if (!item.category().equals(named.category())) {
			errors.add(new FieldError(at + ".category", message));
		}
		if (!item.purchasedAt().equals(named.purchasedAt())) {
			errors.add(new FieldError(at + ".purchasedAt", message));
		}
		if (item.valueCents() != named.valueCents()) {
			errors.add(new FieldError(at + ".valueCents", message));
		}
		if (!ref.equals(item.merchantOrderRef())) {
			errors.add(new FieldError(at + ".merchantOrderRef", message));
		}
		if (named.tagsAttached() != null && named.tagsAttached() != item.tagsAttached()) {
			errors.add(new FieldError(at + ".tagsAttached", message));
		}
		return errors;
	}
}
