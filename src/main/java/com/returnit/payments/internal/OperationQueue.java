package com.returnit.payments.internal;

import com.returnit.payments.internal.domain.OperationKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The provider calls of every payment, shared by all nodes through PostgreSQL: claims use {@code FOR UPDATE SKIP
 * LOCKED}, so two workers never take the same call, and a payment's calls run in the order they were asked for.
 */
@Repository
class OperationQueue {

	private static final String COLUMNS = """
			id, payment_id, kind, amount_cents, idempotency_key, status, attempts, provider_ref, reason, created_at""";

	private final JdbcClient jdbc;

	OperationQueue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Adds the call unless one with the same idempotency key exists (an event delivered twice asks once). */
	boolean add(UUID id, UUID paymentId, OperationKind kind, long amount, String key, String status, Instant now) {
		return jdbc.sql("""
				INSERT INTO payment_operations (id, payment_id, kind, amount_cents, idempotency_key, status, attempts,
				  next_attempt_at, created_at, updated_at)
				VALUES (:id, :payment, :kind, :amount, :key, :status, :attempts, :now, :now, :now)
				ON CONFLICT (idempotency_key) DO NOTHING""")
			.param("id", id).param("payment", paymentId).param("kind", kind.code()).param("amount", amount)
			.param("key", key).param("status", status).param("attempts", "in_flight".equals(status) ? 1 : 0)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	/** Claims due calls whose payment has no earlier call still open, marking them in flight. */
	List<Operation> claimDue(Instant now, int limit) {
		return jdbc.sql("""
				WITH due AS (
				  SELECT o.id FROM payment_operations o
				  WHERE o.status = 'queued' AND o.next_attempt_at <= :now
				    AND NOT EXISTS (SELECT 1 FROM payment_operations e WHERE e.payment_id = o.payment_id
				      AND e.status IN ('queued', 'in_flight') AND (e.created_at, e.id) < (o.created_at, o.id))
				  ORDER BY o.next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)
				UPDATE payment_operations o SET status = 'in_flight', attempts = attempts + 1, updated_at = :now
				FROM due WHERE o.id = due.id
				RETURNING o.""" + COLUMNS.replace(", ", ", o.").strip())
			.param("now", Timestamp.from(now)).param("limit", limit)
			.query(OperationQueue::map).list();
	}

	/** Claims in-flight calls untouched since {@code before} (their node crashed or lost the answer). */
	List<Operation> claimStuck(Instant before, Instant now, int limit) {
		return jdbc.sql("""
				WITH stuck AS (
				  SELECT id FROM payment_operations WHERE status = 'in_flight' AND updated_at < :before
				  ORDER BY updated_at LIMIT :limit FOR UPDATE SKIP LOCKED)
				UPDATE payment_operations o SET updated_at = :now FROM stuck WHERE o.id = stuck.id
				RETURNING o.""" + COLUMNS.replace(", ", ", o.").strip())
			.param("before", Timestamp.from(before)).param("now", Timestamp.from(now)).param("limit", limit)
			.query(OperationQueue::map).list();
	}

	/** Claims one queued call now, if no earlier call of its payment is still open. */
	Optional<Operation> claim(UUID id, Instant now) {
		return jdbc.sql("""
				UPDATE payment_operations o SET status = 'in_flight', attempts = attempts + 1, updated_at = :now
				WHERE o.id = :id AND o.status = 'queued'
				  AND NOT EXISTS (SELECT 1 FROM payment_operations e WHERE e.payment_id = o.payment_id
				    AND e.status IN ('queued', 'in_flight') AND (e.created_at, e.id) < (o.created_at, o.id))
				RETURNING o.""" + COLUMNS.replace(", ", ", o.").strip())
			.param("id", id).param("now", Timestamp.from(now))
			.query(OperationQueue::map).optional();
	}

	void reason(UUID id, String reason) {
		jdbc.sql("UPDATE payment_operations SET reason = :r WHERE id = :id").param("r", reason).param("id", id).update();
	}

	Optional<Operation> lock(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM payment_operations WHERE id = :id FOR UPDATE").param("id", id)
			.query(OperationQueue::map).optional();
	}

	void finish(UUID id, String status, @Nullable String providerRef, @Nullable String reason, Instant now) {
		jdbc.sql("""
				UPDATE payment_operations SET status = :status, provider_ref = :ref, reason = coalesce(:reason, reason),
				  updated_at = :now
				WHERE id = :id""")
			.param("status", status).param("ref", providerRef).param("reason", reason)
			.param("now", Timestamp.from(now)).param("id", id)
			.update();
	}

	void requeue(UUID id, Instant nextAttempt, String error, Instant now) {
		jdbc.sql("""
				UPDATE payment_operations SET status = 'queued', next_attempt_at = :next, last_error = :error,
				  updated_at = :now
				WHERE id = :id AND status = 'in_flight'""")
			.param("next", Timestamp.from(nextAttempt)).param("error", error).param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	/** Cents promised to refunds that are queued or in flight. */
	long pendingRefunds(UUID paymentId) {
		return jdbc.sql("""
				SELECT coalesce(sum(amount_cents), 0) FROM payment_operations
				WHERE payment_id = :p AND kind = 'refund' AND status IN ('queued', 'in_flight')""")
			.param("p", paymentId).query(Long.class).single();
	}

	int countRefunds(UUID paymentId) {
		return jdbc.sql("SELECT count(*) FROM payment_operations WHERE payment_id = :p AND kind = 'refund'")
			.param("p", paymentId).query(Integer.class).single();
	}

	List<Operation> of(UUID paymentId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM payment_operations WHERE payment_id = :p ORDER BY created_at, id")
			.param("p", paymentId).query(OperationQueue::map).list();
	}

	private static Operation map(ResultSet rs, int row) throws SQLException {
		return new Operation(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
				OperationKind.fromCode(rs.getString(3)), rs.getLong(4), rs.getString(5), rs.getString(6), rs.getInt(7),
				rs.getString(8), rs.getString(9), rs.getTimestamp(10).toInstant());
	}
}
