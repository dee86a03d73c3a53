package com.returnit.webhooks.internal;

import static com.returnit.webhooks.internal.EndpointRepository.ts;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox of deliveries. Workers on any number of nodes claim due rows with {@code FOR UPDATE SKIP LOCKED} and a
 * lease; a node that dies mid-delivery lets its lease run out and another node (or itself, restarted) takes over.
 */
@Repository
class DeliveryRepository {

	/** A delivery claimed by this node until its lease ends. */
	record Claim(UUID id, UUID endpointId, String eventId, int attempts, String payload) {
	}

	/** One attempt, for the delivery log; {@code responseBody}: the first 4 KiB the receiver answered, if any. */
	record Attempt(int attempt, Instant at, @Nullable Integer statusCode, long latencyMs, @Nullable String error,
			@Nullable Instant nextRetryAt, @Nullable String responseBody) {
	}

	private final JdbcClient jdbc;

	DeliveryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Claim> claim(Instant now, int limit, Duration lease, Collection<UUID> skippedEndpoints) {
		return jdbc.sql("""
				UPDATE webhook_deliveries d SET lease_until = :leaseUntil
				FROM webhook_events e
				WHERE e.id = d.event_id AND d.id IN (
				  SELECT id FROM webhook_deliveries
				  WHERE status = 'pending' AND next_attempt_at <= :now AND (lease_until IS NULL OR lease_until <= :now)
				    AND NOT (endpoint_id = ANY (CAST(:skipped AS uuid[])))
				    AND NOT EXISTS (SELECT 1 FROM webhook_endpoints p WHERE p.id = endpoint_id AND p.status = 'paused')
				  ORDER BY next_attempt_at LIMIT :limit
				  FOR UPDATE SKIP LOCKED)
				RETURNING d.id, d.endpoint_id, d.event_id, d.attempts, e.payload""")
			.param("leaseUntil", ts(now.plus(lease))).param("now", ts(now)).param("limit", limit)
			.param("skipped", skippedEndpoints.stream().map(UUID::toString).toArray(String[]::new))
			.query((rs, n) -> new Claim(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
					rs.getInt(4), rs.getString(5)))
			.list();
	}

	/** Gives a claimed delivery back untried (its endpoint is busy or its circuit open). */
	void release(UUID id) {
		jdbc.sql("UPDATE webhook_deliveries SET lease_until = NULL WHERE id = :id").param("id", id).update();
	}

	void logAttempt(UUID deliveryId, Attempt attempt) {
		jdbc.sql("""
				INSERT INTO webhook_attempts (delivery_id, attempt, attempted_at, status_code, latency_ms, error, next_retry_at,
				  response_body)
				VALUES (:id, :attempt, :at, :status, :latency, :error, :next, :responseBody)
				ON CONFLICT (delivery_id, attempt) DO NOTHING""")
			.param("id", deliveryId).param("attempt", attempt.attempt()).param("at", ts(attempt.at()))
			.param("status", attempt.statusCode()).param("latency", (int) Math.min(Integer.MAX_VALUE, attempt.latencyMs()))
			.param("error", attempt.error()).param("next", ts(attempt.nextRetryAt()))
			.param("responseBody", attempt.responseBody())
			.update();
	}

	/** Records the end of an attempt: delivered, failed for good, or pending again from {@code nextAttemptAt}. */
	void settle(UUID id, String status, int attempts, @Nullable Integer statusCode, @Nullable String error,
			@Nullable Instant nextAttemptAt, Instant now) {
		jdbc.sql("""
				UPDATE webhook_deliveries SET status = :status, attempts = greatest(attempts, :attempts),
				next_attempt_at = :next, lease_until = NULL, last_status = :code, last_error = :error,
				completed_at = CASE WHEN :status = 'pending' THEN NULL ELSE CAST(:now AS timestamptz) END
				WHERE id = :id""")
			.param("id", id).param("status", status).param("attempts", attempts).param("next", ts(nextAttemptAt))
			.param("code", statusCode).param("error", error).param("now", ts(now))
			.update();
	}

	/** Fails every pending delivery of a disabled endpoint, so that none waits silently. */
	int failPending(UUID endpointId, String reason, Instant now) {
		return jdbc.sql("""
				UPDATE webhook_deliveries SET status = 'failed', next_attempt_at = NULL, lease_until = NULL,
				last_error = :reason, completed_at = :now
				WHERE endpoint_id = :endpoint AND status = 'pending'""")
			.param("endpoint", endpointId).param("reason", reason).param("now", ts(now)).update();
	}

	/** Queues a delivery again now (its retries go on from its attempt count); false when unknown or still pending. */
	boolean redeliver(UUID endpointId, UUID id, Instant now) {
		return jdbc.sql("""
				UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = :now, lease_until = NULL,
				completed_at = NULL
				WHERE id = :id AND endpoint_id = :endpoint AND status <> 'pending'""")
			.param("id", id).param("endpoint", endpointId).param("now", ts(now)).update() == 1;
	}

	/** Queues again every delivery of the endpoint that failed and was created at or after {@code since}. */
	int recover(UUID endpointId, Instant since, Instant now) {
		return jdbc.sql("""
				UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = :now, lease_until = NULL,
				completed_at = NULL
				WHERE endpoint_id = :endpoint AND status = 'failed' AND created_at >= :since""")
			.param("endpoint", endpointId).param("since", ts(since)).param("now", ts(now)).update();
	}

	long backlog() {
		return jdbc.sql("SELECT count(*) FROM webhook_deliveries WHERE status = 'pending'").query(Long.class).single();
	}

	boolean exists(UUID endpointId, UUID id) {
		return jdbc.sql("SELECT count(*) FROM webhook_deliveries WHERE id = :id AND endpoint_id = :endpoint")
			.param("id", id).param("endpoint", endpointId).query(Long.class).single() > 0;
	}
}
