package com.returnit.returnlinks.internal;

import com.returnit.merchants.Merchant;
import com.returnit.merchants.Merchants;
import com.returnit.orders.ReturnSessions;
import com.returnit.platform.Conflict;
import com.returnit.platform.NotFound;
import com.returnit.returnlinks.internal.domain.ReturnSession;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** What booking asks of return sessions (orders' {@link ReturnSessions}): whether a guest may book, and that it did. */
@Component
class BookingSessions implements ReturnSessions {

	private final ReturnSessionRepository sessions;
	private final Merchants merchants;
	private final Clock clock;

	BookingSessions(ReturnSessionRepository sessions, Merchants merchants, Clock clock) {
		this.sessions = sessions;
		this.merchants = merchants;
		this.clock = clock;
	}

	@Override
	public Session bookable(UUID sessionId) {
		ReturnSession session = sessions.find(sessionId).orElseThrow(() -> new NotFound("Return link"));
		Instant now = clock.instant();
		return switch (session.status(now)) {
			case OPEN -> new Session(session.id(), session.merchantId(), session.customerId(),
					session.merchantOrderRef(), session.items().stream()
						.map(i -> new Item(i.sku(), i.description(), i.category(), i.purchasedAt(), i.valueCents(),
								i.tagsAttached()))
						.toList());
			case USED -> throw new Conflict("This return link was already used to book an order.",
					Map.of("orderId", String.valueOf(session.orderId())));
			case EXPIRED, REVOKED -> throw ClosedLinks.gone(session.status(now), merchantName(session));
		};
	}

	private String merchantName(ReturnSession session) {
		return merchants.find(session.merchantId()).map(Merchant::name).orElse("the shop");
	}

	@Override
	public void booked(UUID sessionId, UUID orderId) {
		if (!sessions.markUsed(sessionId, orderId, clock.instant())) {
			bookable(sessionId);
			throw new Conflict("This return link was already used to book an order.");
		}
	}
}
