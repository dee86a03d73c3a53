package com.returnit.platform.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/** Idempotency keys in PostgreSQL, so every node sees the same keys. Each call is its own short transaction. */
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

	/** Claims the key for this request; false when another request holds or has completed it. */
	boolean claim(String scope, String key, byte[] requestHash) {
		return jdbc.sql("""
				INSERT INTO idempotency_keys (scope, key, request_hash, status, created_at)
				VALUES (:scope, :key, :hash, 'in_flight', :now)
				ON CONFLICT (scope, key) DO NOTHING""")
			.param("scope", scope).param("key", key).param("hash", requestHash).param("now", ts(clock.instant()))
			.update() == 1;
	}

	/** Takes over a claim whose request died without finishing (its node crashed); true when this request won it. */
	boolean reclaimAbandoned(String scope, String key, byte[] requestHash, Duration abandonedAfter) {
		Instant now = clock.instant();
		return jdbc.sql("""
				UPDATE idempotency_keys SET created_at = :now
				WHERE scope = :scope AND key = :key AND request_hash = :hash
				  AND status = 'in_flight' AND created_at < :cutoff""")
			.param("scope", scope).param("key", key).param("hash", requestHash)
			.param("now", ts(now)).param("cutoff", ts(now.minus(abandonedAfter)))
			.update() == 1;
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

	void complete(String scope, String key, int status, String contentType, byte[] body) {
		jdbc.sql("""
				UPDATE idempotency_keys
				SET status = 'completed', response_status = :status, response_content_type = :type,
				    response_body = :body, completed_at = :now
				WHERE scope = :scope AND key = :key""")
			.param("scope", scope).param("key", key).param("status", status).param("type", contentType)
			.param("body", body).param("now", ts(clock.instant()))
			.update();
	}

	/** Frees the key after a failure the client may retry (5xx), so a retry runs again. */
	void release(String scope, String key) {
		jdbc.sql("DELETE FROM idempotency_keys WHERE scope = :scope AND key = :key AND status = 'in_flight'")
			.param("scope", scope).param("key", key).update();
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
