package com.returnit.push.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The push outbox: one row per offer and subscription. */
@Repository
class PushMessageRepository {

	/** A claimed message with the subscription it goes to. */
	record Claim(UUID id, UUID subscriptionId, UUID offerId, String payload, Instant expiresAt, int attempts,
			String endpoint, String p256dh, String auth) {
	}

	private final JdbcClient jdbc;

	PushMessageRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void enqueue(UUID id, UUID subscriptionId, UUID offerId, String payload, Instant expiresAt, Instant now) {
		jdbc.sql("""
				INSERT INTO push_messages (id, subscription_id, offer_id, payload, expires_at, status, next_attempt_at,
				  created_at)
				VALUES (:id, :subscription, :offer, :payload, :expires, 'pending', :now, :now)
				ON CONFLICT (offer_id, subscription_id) DO NOTHING""")
			.param("id", id).param("subscription", subscriptionId).param("offer", offerId).param("payload", payload)
			.param("expires", Timestamp.from(expiresAt)).param("now", Timestamp.from(now)).update();
	}

	/**
	 * Claims due messages for this node for {@code lease} (rows another node holds are skipped), counting the attempt;
	 * a node that dies lets its claims go when the lease ends.
	 */
	List<Claim> claim(Instant now, int limit, Duration lease) {
		return jdbc.sql("""
				WITH due AS (
				  SELECT id FROM push_messages
				  WHERE status = 'pending' AND next_attempt_at <= :now AND (leased_until IS NULL OR leased_until <= :now)
				  ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)
				UPDATE push_messages m SET leased_until = :until, attempts = m.attempts + 1
				FROM due, push_subscriptions s
				WHERE m.id = due.id AND s.id = m.subscription_id
				RETURNING m.id, m.subscription_id, m.offer_id, m.payload, m.expires_at, m.attempts, s.endpoint, s.p256dh,
				  s.auth""")
			.param("now", Timestamp.from(now)).param("limit", limit).param("until", Timestamp.from(now.plus(lease)))
			.query((rs, row) -> new Claim(rs.getObject("id", UUID.class), rs.getObject("subscription_id", UUID.class),
					rs.getObject("offer_id", UUID.class), rs.getString("payload"),
					rs.getTimestamp("expires_at").toInstant(), rs.getInt("attempts"), rs.getString("endpoint"),
					rs.getString("p256dh"), rs.getString("auth")))
			.list();
	}

	void sent(UUID id, Instant now) {
		finish(id, "sent", null, now);
	}

	/** Given up: recorded with why, never silently dropped. */
	void failed(UUID id, String error, Instant now) {
		finish(id, "failed", error, now);
	}

	/** The offer ran out before the push could be delivered: a late push would only mislead. */
	void expired(UUID id, String error, Instant now) {
		finish(id, "expired", error, now);
	}

	void retryAt(UUID id, Instant at, String error) {
		jdbc.sql("UPDATE push_messages SET next_attempt_at = :at, leased_until = NULL, last_error = :error WHERE id = :id")
			.param("id", id).param("at", Timestamp.from(at)).param("error", truncate(error)).update();
	}

	/** Deletes finished messages older than {@code before}; answers how many. */
	int purge(Instant before) {
		return jdbc.sql("DELETE FROM push_messages WHERE status <> 'pending' AND created_at < :before")
			.param("before", Timestamp.from(before)).update();
	}

	private void finish(UUID id, String status, @Nullable String error, Instant now) {
		jdbc.sql("""
				UPDATE push_messages SET status = :status, last_error = :error, leased_until = NULL,
				  sent_at = CASE WHEN :status = 'sent' THEN :now ELSE sent_at END
				WHERE id = :id""")
			.param("id", id).param("status", status).param("error", error == null ? null : truncate(error))
			.param("now", Timestamp.from(now)).update();
	}

	private static String truncate(String error) {
		return error.length() <= 500 ? error : error.substring(0, 500);
	}
}
