package com.returnit.identity.internal;

import com.returnit.identity.CustomerErased;
import com.returnit.identity.Customers;
import com.returnit.identity.Role;
import com.returnit.platform.NotFound;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's own data, exported or erased. Erasure keeps the account row (orders point at it) but replaces the
 * email, name and phone, drops the password and second factor, and revokes every refresh token; access tokens
 * already issued run out within 15 minutes and find nothing personal left.
 */
@Component
class AccountErasure {

	private final AccountRepository accounts;
	private final TotpCredentials totp;
	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	AccountErasure(AccountRepository accounts, TotpCredentials totp, JdbcClient jdbc, ApplicationEventPublisher events,
			Clock clock) {
		this.accounts = accounts;
		this.totp = totp;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	Optional<Customers.CustomerData> export(UUID customerId) {
		return customer(customerId).map(account -> new Customers.CustomerData(account.id(), account.email(),
				account.name(), account.phone(), account.createdAt(), totp.confirmed(account.id()),
				accounts.emailVerified(account.id())));
	}

	@Transactional
	void erase(UUID customerId) {
		Account account = customer(customerId).orElseThrow(() -> new NotFound("Customer"));
		Instant now = clock.instant();
		jdbc.sql("""
				UPDATE accounts SET email = :email, name = 'Erased customer', phone = NULL, password_hash = NULL,
				  email_verified_at = NULL, erased_at = :now
				WHERE id = :id""")
			.param("email", "erased-" + customerId + "@erased.invalid").param("now", Timestamp.from(now))
			.param("id", customerId).update();
		jdbc.sql("UPDATE refresh_tokens SET revoked_at = :now WHERE account_id = :id AND revoked_at IS NULL")
			.param("now", Timestamp.from(now)).param("id", customerId).update();
		jdbc.sql("UPDATE account_tokens SET used_at = :now WHERE account_id = :id AND used_at IS NULL")
			.param("now", Timestamp.from(now)).param("id", customerId).update();
		jdbc.sql("DELETE FROM login_failures WHERE key = :key")
			.param("key", "account:" + account.email().toLowerCase(java.util.Locale.ROOT)).update();
		totp.delete(customerId);
		events.publishEvent(new CustomerErased(customerId, now));
	}

	private Optional<Account> customer(UUID id) {
		return accounts.findById(id).filter(account -> account.role() == Role.CUSTOMER && account.erasedAt() == null);
	}
}
