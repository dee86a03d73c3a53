package com.returnit.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Single-use tokens emailed to an account's owner (claim the account, verify the email): 256-bit random secrets, of
 * which only the SHA-256 digest is stored, as for refresh tokens and API keys.
 */
@Repository
class AccountTokens {

	enum Purpose {
		CLAIM, VERIFY_EMAIL;

		String code() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/** A new token; {@code token} exists only in the email it is sent in. */
	record Issued(UUID id, String token, Instant expiresAt) {
	}

	/** What presenting a token came to. */
	sealed interface Spent {
		record Accepted(UUID accountId) implements Spent {
		}

		record AlreadyUsed() implements Spent {
		}

		record Expired() implements Spent {
		}

		record Unknown() implements Spent {
		}
	}

	private final JdbcClient jdbc;
	private final Clock clock;

	AccountTokens(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Locks the account's row until the transaction ends and answers whether a token for this purpose was issued
	 * since {@code since}: concurrent requests for the same account are answered one after the other.
	 */
	boolean issuedSince(UUID accountId, Purpose purpose, Instant since) {
		jdbc.sql("SELECT id FROM accounts WHERE id = :id FOR UPDATE").param("id", accountId).query(UUID.class).optional();
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM account_tokens
				  WHERE account_id = :account AND purpose = :purpose AND created_at > :since)""")
			.param("account", accountId).param("purpose", purpose.code()).param("since", Timestamp.from(since))
			.query(Boolean.class).single();
	}

	Issued issue(UUID accountId, Purpose purpose, Duration ttl) {
		Instant now = clock.instant();
		Issued issued = new Issued(UUID.randomUUID(), Secrets.generate(""), now.plus(ttl));
		jdbc.sql("""
				INSERT INTO account_tokens (id, account_id, purpose, token_hash, expires_at, created_at)
				VALUES (:id, :account, :purpose, :hash, :expires, :now)""")
			.param("id", issued.id()).param("account", accountId).param("purpose", purpose.code())
			.param("hash", Secrets.digest(issued.token())).param("expires", Timestamp.from(issued.expiresAt()))
			.param("now", Timestamp.from(now))
			.update();
		return issued;
	}

	/** Uses the token up, once: a second use, or one after it expired, is refused and says which. */
	Spent spend(String token, Purpose purpose) {
		Timestamp now = Timestamp.from(clock.instant());
		byte[] hash = Secrets.digest(token);
		var accepted = jdbc.sql("""
				UPDATE account_tokens SET used_at = :now
				WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > :now
				RETURNING account_id""")
			.param("now", now).param("hash", hash).param("purpose", purpose.code())
			.query(UUID.class).optional();
		if (accepted.isPresent()) {
			return new Spent.Accepted(accepted.get());
		}
		return jdbc.sql("SELECT used_at IS NOT NULL FROM account_tokens WHERE token_hash = :hash AND purpose = :purpose")
			.param("hash", hash).param("purpose", purpose.code())
			.query(Boolean.class).optional()
			.<Spent>map(used -> used ? new Spent.AlreadyUsed() : new Spent.Expired())
			.orElse(new Spent.Unknown());
	}

	/** Uses up every outstanding token of the account for this purpose (the account was claimed, or erased). */
	void spendAll(UUID accountId, Purpose purpose) {
		jdbc.sql("UPDATE account_tokens SET used_at = :now WHERE account_id = :account AND purpose = :purpose AND used_at IS NULL")
			.param("now", Timestamp.from(clock.instant())).param("account", accountId).param("purpose", purpose.code())
			.update();
	}
}
