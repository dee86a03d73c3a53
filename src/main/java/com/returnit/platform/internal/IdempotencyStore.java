package com.returnit.platform.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * Idempotency keys in PostgreSQL, so every node sees the same keys. Claims, reclaims and releases are short
 * transactions of their own; the owner locks its claim and completes it in the request's transaction.
 */
@Repository
class IdempotencyStore {

	enum State { IN_FLIGHT, COMPLETED }

	record Entry(byte[] requestHash, State state, int status, String contentType, byte[] body, Instant createdAt) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;

	IdempotencyStore(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Claims the key for this request: its claim token, or empty when another request holds or has completed it. */
	Optional<UUID> claim(String scope, String key, byte[] requestHash) {
		UUID token = UUID.randomUUID();
		return jdbc.sql("""
				INSERT INTO idempotency_keys (scope, key, request_hash, status, created_at, claim_token)
				VALUES (:scope, :key, :hash, 'in_flight', :now, :token)
				ON CONFLICT (scope, key) DO NOTHING""")
			.param("scope", scope).param("key", key).param("hash", requestHash).param("now", ts(clock.instant()))
			.param("token", token)
			.update() == 1 ? Optional.of(token) : Optional.empty();
	}

	/**
	 * Takes over a claim whose request is not running: the row is not locked by its owner's transaction (its node
	 * died, or its transaction ended without completing the key) and the claim is older than {@code grace}, the time an
	 * owner has between claiming and locking. Returns the new claim token when this request won it.
	 */
	Optional<UUID> reclaimAbandoned(String scope, String key, byte[] requestHash, Duration grace) {
		UUID token = UUID.randomUUID();
		Instant now = clock.instant();
		return jdbc.sql("""
				UPDATE idempotency_keys SET created_at = :now, claim_token = :token
				WHERE (scope, key) IN (
				  SELECT scope, key FROM idempotency_keys
				  WHERE scope = :scope AND key = :key AND request_hash = :hash
				    AND status = 'in_flight' AND created_at < :cutoff
				  FOR UPDATE SKIP LOCKED)""")
			.param("scope", scope).param("key", key).param("hash", requestHash).param("token", token)
			.param("now", ts(now)).param("cutoff", ts(now.minus(grace)))
			.update() == 1 ? Optional.of(token) : Optional.empty();
	}

	/**
	 * In the request's own transaction: locks the key's row until that transaction ends, so that nobody reclaims it
	 * while the request runs; false when the claim was reclaimed by another request in the meantime.
	 */
	boolean lockOwnClaim(String scope, String key, UUID token) {
		return jdbc.sql("SELECT claim_token FROM idempotency_keys WHERE scope = :scope AND key = :key FOR UPDATE")
			.param("scope", scope).param("key", key)
			.query(UUID.class).optional().filter(token::equals).isPresent();
	}

	Optional<Entry> find(String scope, String key) {
		return jdbc.sql("""
				SELECT request_hash, status, response_status, response_content_type, response_body, created_at
				FROM idempotency_keys WHERE scope = :scope AND key = :key""")
			.param("scope", scope).param("key", key)
			.query((rs, n) -> new Entry(rs.getBytes(1),
					"completed".equals(rs.getString(2)) ? State.COMPLETED : State.IN_FLIGHT, rs.getInt(3),
					rs.getString(4), rs.getBytes(5), rs.getTimestamp(6).toInstant()))
			.optional();
	}

	/** Remembers the answer, unless the claim is no longer this request's (it was reclaimed). */
	void complete(String scope, String key, UUID token, int status, String contentType, byte[] body) {
		jdbc.sql("""
				UPDATE idempotency_keys
				SET status = 'completed', response_status = :status, response_content_type = :type,
				    response_body = :body, completed_at = :now
				WHERE scope = :scope AND key = :key AND claim_token = :token""")
			.param("scope", scope).param("key", key).param("token", token).param("status", status)
			.param("type", contentType).param("body", body).param("now", ts(clock.instant()))
			.update();
	}

	/** Frees the key after a failure the client may retry (5xx), so a retry runs again. */
	void release(String scope, String key, UUID token) {
		jdbc.sql("""
				DELETE FROM idempotency_keys
				WHERE scope = :scope AND key = :key AND status = 'in_flight' AND claim_token = :token""")
			.param("scope", scope).param("key", key).param("token", token).update();
	}

	/** Keys are kept for 48 hours: the promise is 24. */
	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
	void expire() {
		jdbc.sql("DELETE FROM idempotency_keys WHERE created_at < :cutoff")
			.param("cutoff", ts(clock.instant().minus(Duration.ofHours(48)))).update();
	}

	private static java.sql.Timestamp ts(Instant instant) {
		return java.sql.Timestamp.from(instant);
	}
}
