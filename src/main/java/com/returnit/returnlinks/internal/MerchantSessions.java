package com.returnit.returnlinks.internal;

import com.returnit.identity.Caller;
import com.returnit.identity.Customers;
import com.returnit.identity.Role;
import com.returnit.merchants.Merchant;
import com.returnit.merchants.Merchants;
import com.returnit.platform.AuditLog;
import com.returnit.platform.Conflict;
import com.returnit.platform.FieldError;
import com.returnit.platform.Forbidden;
import com.returnit.platform.Ids;
import com.returnit.platform.InvalidInput;
import com.returnit.platform.NotFound;
import com.returnit.returnlinks.ReturnLinkSent;
import com.returnit.returnlinks.internal.SessionBodies.ReturnSessionBody;
import com.returnit.returnlinks.internal.SessionBodies.CreatedView;
import com.returnit.returnlinks.internal.SessionBodies.SessionView;
import com.returnit.returnlinks.internal.domain.ReturnSession;
import com.returnit.returnlinks.internal.domain.SessionRules;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A merchant's return sessions: created with their link (shown once), listed, read and revoked; merchants only. */
@Service
class MerchantSessions {

	private final ReturnSessionRepository sessions;
	private final Customers customers;
	private final Merchants merchants;
	private final ApplicationEventPublisher events;
	private final AuditLog audit;
	private final Clock clock;
	private final String baseUrl;

	MerchantSessions(ReturnSessionRepository sessions, Customers customers, Merchants merchants,
			ApplicationEventPublisher events, AuditLog audit, Clock clock,
			@Value("${returnit.public-base-url:http://localhost:8080}") String baseUrl) {
		this.sessions = sessions;
		this.customers = customers;
		this.merchants = merchants;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/**
	 * Checks and stores a session for the named customer (found by email, or made without a password) and answers
	 * it with its link: the only time the token is shown, so the only time it can be emailed (through the
	 * notifications outbox, in this transaction, when the merchant asks).
	 */
	@Transactional
	CreatedView create(Caller caller, ReturnSessionBody body) {
		UUID merchantId = merchant(caller);
		Instant now = clock.instant();
		Instant expiresAt = body.expiresAt() == null ? now.plus(SessionRules.DEFAULT_LIFETIME) : body.expiresAt();
		List<ReturnSession.Item> items = body.items().stream().map(SessionBodies.ReturnSessionItem::toItem).toList();
		List<FieldError> problems = SessionRules.problems(expiresAt, items.stream().map(ReturnSession.Item::sku).toList(),
				now);
		if (!problems.isEmpty()) {
			throw new InvalidInput(400, problems);
		}
		var named = body.customer();
		UUID customerId = customers.findOrCreate(named.email().trim(), named.name().trim(), named.phone());
		ReturnSession session = new ReturnSession(Ids.newId(clock), merchantId, customerId,
				new ReturnSession.Customer(named.name().trim(), named.email().trim(), named.phone()),
				body.merchantOrderRef().trim(), items, expiresAt, null, null, now);
		String token = LinkTokens.generate();
		sessions.insert(session, LinkTokens.digest(token));
		String url = baseUrl + "/r/" + token;
		audit.record("return_session.created", "return_session", session.id(), Map.of("merchantId",
				merchantId.toString(), "customerId", customerId.toString(), "items", items.size(), "customerNotified",
				body.notifies()));
		if (body.notifies()) {
			String merchantName = merchants.find(merchantId).map(Merchant::name).orElseThrow();
			events.publishEvent(new ReturnLinkSent(session.id(), merchantId, merchantName, customerId,
					session.customer().name(), session.customer().email(), session.merchantOrderRef(), url,
					expiresAt));
		}
		return CreatedView.of(session, url, token, now, body.notifies());
	}

	@Transactional(readOnly = true)
	SessionView get(Caller caller, UUID id) {
		return SessionView.of(sessions.find(merchant(caller), id).orElseThrow(() -> new NotFound("Return session")),
				clock.instant());
	}

	@Transactional(readOnly = true)
	SessionBodies.SessionPage page(Caller caller, ReturnSession.@Nullable Status status, @Nullable UUID startingAfter,
			int limit) {
		Instant now = clock.instant();
		List<ReturnSession> page = sessions.page(merchant(caller), status, startingAfter, limit + 1, now);
		return new SessionBodies.SessionPage(page.stream().limit(limit).map(s -> SessionView.of(s, now)).toList(),
				page.size() > limit);
	}

	/** Revokes an unused session: its link answers 410 from now on; 409 once an order was booked from it. */
	@Transactional
	SessionView revoke(Caller caller, UUID id) {
		UUID merchantId = merchant(caller);
		Instant now = clock.instant();
		if (!sessions.revoke(merchantId, id, now)) {
			sessions.find(merchantId, id).orElseThrow(() -> new NotFound("Return session"));
			throw new Conflict("An order was already booked from this return link; cancel the order instead.");
		}
		audit.record("return_session.revoked", "return_session", id, Map.of("merchantId", merchantId.toString()));
		return SessionView.of(sessions.find(merchantId, id).orElseThrow(), now);
	}

	private static UUID merchant(Caller caller) {
		if (caller.role() != Role.MERCHANT) {
			throw new Forbidden("Only merchants create and manage return links.");
		}
		return caller.id();
	}
}
