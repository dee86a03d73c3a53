package com.returnit.identity.internal;

import com.returnit.identity.EmailVerificationRequested;
import com.returnit.identity.Role;
import com.returnit.platform.AuditLog;
import com.returnit.platform.Conflict;
import com.returnit.platform.Gone;
import com.returnit.platform.NotFound;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers prove they read their mailbox by following an emailed single-use link (24 h). Sign-up sends one; a
 * customer may ask again, at most once a minute. The email itself is the notifications module's, on
 * {@link EmailVerificationRequested}.
 */
@Service
class EmailVerifications {

	/** Whether asking sent an email or one was sent within the last minute. */
	enum Sent {
		SENT, RECENTLY_SENT
	}

	private final AccountRepository accounts;
	private final AccountTokens tokens;
	private final EmailLinks links;
	private final ApplicationEventPublisher events;
	private final AuditLog audit;
	private final Clock clock;

	EmailVerifications(AccountRepository accounts, AccountTokens tokens, EmailLinks links,
			ApplicationEventPublisher events, AuditLog audit, Clock clock) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.links = links;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	/** Emails a new link to the customer; 409 when their email is verified already. */
	@Transactional
	Sent send(UUID customerId) {
		Account account = accounts.findById(customerId)
			.filter(found -> found.role() == Role.CUSTOMER && found.erasedAt() == null)
			.orElseThrow(() -> new NotFound("Customer"));
		if (accounts.emailVerified(customerId)) {
			throw new Conflict("Your email is verified already.");
		}
		if (tokens.issuedSince(customerId, AccountTokens.Purpose.VERIFY_EMAIL,
				clock.instant().minus(EmailLinks.AT_MOST_EVERY))) {
			return Sent.RECENTLY_SENT;
		}
		AccountTokens.Issued issued = tokens.issue(customerId, AccountTokens.Purpose.VERIFY_EMAIL, EmailLinks.VALID_FOR);
		events.publishEvent(new EmailVerificationRequested(issued.id(), customerId, account.email(), account.name(),
				links.verifyEmail(issued.token()), issued.expiresAt()));
		audit.recordAs("customer:" + customerId, "account.email_verification_sent", "account", customerId, Map.of());
		return Sent.SENT;
	}

	/** Marks the email of the token's account verified; 410 when the token was used or expired, 404 when unknown. */
	@Transactional
	void verify(String token) {
		switch (tokens.spend(token, AccountTokens.Purpose.VERIFY_EMAIL)) {
			case AccountTokens.Spent.Accepted accepted -> {
				accounts.markEmailVerified(accepted.accountId(), clock.instant());
				audit.recordAs("customer:" + accepted.accountId(), "account.email_verified", "account",
						accepted.accountId(), Map.of());
			}
			case AccountTokens.Spent.AlreadyUsed used -> throw new Gone(
					"This verification link was used already.", Map.of("reason", "used"));
			case AccountTokens.Spent.Expired expired -> throw new Gone(
					"This verification link has expired; ask for a new one.", Map.of("reason", "expired"));
			case AccountTokens.Spent.Unknown unknown -> throw new NotFound("Verification link");
		}
	}
}
