package com.returnit.identity.internal;

import com.returnit.identity.AccountClaimRequested;
import com.returnit.identity.Role;
import com.returnit.platform.AuditLog;
import com.returnit.platform.Gone;
import com.returnit.platform.NotFound;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers made without a password (by a merchant's booking or return link) claim their account: they ask with their
 * email, and the owner of that mailbox sets a password through the emailed single-use link (ADR 0036). Asking never
 * tells whether the email has such an account.
 */
@Service
class AccountClaims {

	private final AccountRepository accounts;
	private final AccountTokens tokens;
	private final EmailLinks links;
	private final PasswordEncoder passwords;
	private final TokenService tokenService;
	private final ApplicationEventPublisher events;
	private final AuditLog audit;
	private final Clock clock;

	AccountClaims(AccountRepository accounts, AccountTokens tokens, EmailLinks links, PasswordEncoder passwords,
			TokenService tokenService, ApplicationEventPublisher events, AuditLog audit, Clock clock) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.links = links;
		this.passwords = passwords;
		this.tokenService = tokenService;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Emails a claim link when the email belongs to a password-less customer who was not sent one in the last
	 * minute; otherwise does nothing. The caller answers the same either way.
	 */
	@Transactional
	void request(String email) {
		Optional<Account> claimable = accounts.findByEmail(email.trim()).filter(AccountClaims::claimable);
		if (claimable.isEmpty()) {
			audit.record("account.claim_requested", "account", null, Map.of("sent", false));
			return;
		}
		Account account = claimable.get();
		if (tokens.issuedSince(account.id(), AccountTokens.Purpose.CLAIM, clock.instant().minus(EmailLinks.AT_MOST_EVERY))) {
			audit.record("account.claim_requested", "account", account.id(), Map.of("sent", false));
			return;
		}
		AccountTokens.Issued issued = tokens.issue(account.id(), AccountTokens.Purpose.CLAIM, EmailLinks.VALID_FOR);
		events.publishEvent(new AccountClaimRequested(issued.id(), account.id(), account.email(), account.name(),
				links.claim(issued.token()), issued.expiresAt()));
		audit.record("account.claim_requested", "account", account.id(), Map.of("sent", true));
	}

	/**
	 * Sets the password (and the name, when given) of the token's account, marks its email verified, and logs the
	 * customer in. 410 when the token was used or expired, or the account was claimed meanwhile; 404 when unknown.
	 */
	@Transactional
	TokenService.Tokens claim(String token, String password, @Nullable String name) {
		var accountId = switch (tokens.spend(token, AccountTokens.Purpose.CLAIM)) {
			case AccountTokens.Spent.Accepted accepted -> accepted.accountId();
			case AccountTokens.Spent.AlreadyUsed used -> throw new Gone(
					"This claim link was used already; log in, or ask for a new link.", Map.of("reason", "used"));
			case AccountTokens.Spent.Expired expired -> throw new Gone(
					"This claim link has expired; ask for a new one.", Map.of("reason", "expired"));
			case AccountTokens.Spent.Unknown unknown -> throw new NotFound("Claim link");
		};
		if (!accounts.claim(accountId, passwords.encode(password), name == null ? null : name.trim(), clock.instant())) {
			throw new Gone("This account was claimed already; log in.", Map.of("reason", "claimed"));
		}
		tokens.spendAll(accountId, AccountTokens.Purpose.CLAIM);
		audit.recordAs("customer:" + accountId, "account.claimed", "account", accountId, Map.of());
		return tokenService.issueFor(accountId);
	}

	/** A customer who has returns booked for them but no password: they can claim the account, not sign up. */
	static boolean claimable(Account account) {
		return account.role() == Role.CUSTOMER && account.passwordHash() == null && account.erasedAt() == null;
	}
}
