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
 * Idempotency keys in PostgreSQL, so every node sees the same keys. A request claims its key, runs and completes the
 * key in one transaction (ADR 0053); only a refusal, whose work is rolled back, is remembered on its own.
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

	/**
	 * The first step of a keyed request, in the request's own transaction: takes the key's transaction-scoped
	 * advisory lock without waiting and, holding it, inserts the key's claim. The claim is never committed as such:
	 * the request's answer completes it in the same transaction, or a rollback removes it, so a node that dies
	 * mid-request leaves nothing behind. {@link Begin#busy()}: another request with this key is running now.
	 * {@link Begin#token()} empty (and not busy): the key already has a row (an answer, or a claim of a node running
	 * a version from before ADR 0053).
	 */
	Begin begin(String scope, String key, byte[] requestHash) {
		UUID token = UUID.randomUUID();
		return jdbc.sql("""
				WITH lock AS (SELECT pg_try_advisory_xact_lock(hashtextextended(:lock, 0)) AS held),
				claim AS (
				  INSERT INTO idempotency_keys (scope, key, request_hash, status, created_at, claim_token)
				  SELECT :scope, :key, :hash, 'in_flight', :now, :token FROM lock WHERE held
				  ON CONFLICT (scope, key) DO NOTHING
				  RETURNING 1)
				SELECT (SELECT held FROM lock), EXISTS (SELECT 1 FROM claim)""")
			.param("lock", lockName(scope, key)).param("scope", scope).param("key", key).param("hash", requestHash)
			.param("now", ts(clock.instant())).param("token", token)
			.query((rs, n) -> new Begin(!rs.getBoolean(1), rs.getBoolean(2) ? Optional.of(token) : Optional.empty()))
			.single();
	}

	record Begin(boolean busy, Optional<UUID> token) {
	}

	/**
	 * Takes over, in the request's transaction, a claim committed on its own by a node of a version from before ADR
	 * 0053 whose request is not running: the row is not locked by its owner's transaction (its node died) and the
	 * claim is older than {@code grace}, the time such an owner had between claiming and locking. Returns the new claim
	 * token when this request won it; the row stays locked until the request's transaction ends.
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

	/** Remembers the answer in the request's transaction, unless the claim is no longer this request's. */
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

	/**
	 * Remembers a refusal (4xx) after its request's transaction rolled back: on its own, when no other request with
	 * this key is running and the key has no row yet. Otherwise the running or remembered one is the key's answer.
	 */
	void rememberRefusal(String scope, String key, byte[] requestHash, int status, String contentType, byte[] body) {
		jdbc.sql("""
				INSERT INTO idempotency_keys (scope, key, request_hash, status, response_status, response_content_type,
				  response_body, created_at, completed_at)
				SELECT :scope, :key, :hash, 'completed', :status, :type, :body, :now, :now
				WHERE pg_try_advisory_xact_lock(hashtextextended(:lock, 0))
				ON CONFLICT (scope, key) DO NOTHING""")
			.param("lock", lockName(scope, key)).param("scope", scope).param("key", key).param("hash", requestHash)
			.param("status", status).param("type", contentType).param("body", body).param("now", ts(clock.instant()))
			.update();
	}

	/** Keys are kept for 48 hours: the promise is 24. */
	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
	void expire() {
		jdbc.sql("DELETE FROM idempotency_keys WHERE created_at < :cutoff")
			.param("cutoff", ts(clock.instant().minus(Duration.ofHours(48)))).update();
	}

	private static String lockName(String scope, String key) {
		return "idempotency:" + scope.length() + ":" + scope + ":" + key;
	}

	private static java.sql.Timestamp ts(Instant instant) {
		return java.sql.Timestamp.from(instant);
	}
}
