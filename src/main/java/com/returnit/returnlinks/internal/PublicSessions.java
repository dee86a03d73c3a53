package com.returnit.returnlinks.internal;

import com.returnit.identity.GuestAccess;
import com.returnit.merchants.Merchant;
import com.returnit.merchants.Merchants;
import com.returnit.platform.NotFound;
import com.returnit.returnlinks.internal.SessionBodies.AccessView;
import com.returnit.returnlinks.internal.SessionBodies.PublicReturnSession;
import com.returnit.returnlinks.internal.domain.ReturnSession;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A return link as its holder sees it, without logging in: what the merchant prefilled (nothing that identifies the
 * customer beyond a first name), and a guest token to book the return and follow the order booked from it.
 */
@Service
class PublicSessions {

	private final ReturnSessionRepository sessions;
	private final Merchants merchants;
	private final GuestAccess guests;
	private final Clock clock;

	PublicSessions(ReturnSessionRepository sessions, Merchants merchants, GuestAccess guests, Clock clock) {
		this.sessions = sessions;
		this.merchants = merchants;
		this.guests = guests;
		this.clock = clock;
	}

	/** The session behind a link: 404 for an unknown link, 410 for an expired or revoked one. */
	@Transactional(readOnly = true)
	PublicReturnSession view(String token) {
		ReturnSession session = usable(token);
		Merchant merchant = merchant(session);
		return new PublicReturnSession(session.id(), session.status(clock.instant()).code(),
				new SessionBodies.ReturnSessionMerchant(merchant.id(), merchant.name(), merchant.logoUrl(),
						merchant.brandColor(), merchant.billing() == com.returnit.merchants.Billing.CUSTOMER_PAYS),
				new SessionBodies.FirstName(session.customer().firstName()), session.merchantOrderRef(),
				session.items(), session.expiresAt(), session.orderId());
	}

	/** A guest token for the session's customer; also once it is used, so that they can follow their order. */
	@Transactional(readOnly = true)
	AccessView access(String token) {
		ReturnSession session = usable(token);
		GuestAccess.GuestToken issued = guests.issue(session.customerId(), session.id());
		return new AccessView(issued.accessToken(), issued.expiresIn(), issued.tokenType(), session.customerId(),
				session.id());
	}

	private ReturnSession usable(String token) {
		ReturnSession session = sessions.findByToken(LinkTokens.digest(token))
			.orElseThrow(() -> new NotFound("Return link"));
		Instant now = clock.instant();
		return switch (session.status(now)) {
			case OPEN, USED -> session;
			case EXPIRED, REVOKED -> throw ClosedLinks.gone(session.status(now), merchant(session).name());
		};
	}

	private Merchant merchant(ReturnSession session) {
		return merchants.find(session.merchantId()).orElseThrow(() -> new NotFound("Return link"));
	}
}
