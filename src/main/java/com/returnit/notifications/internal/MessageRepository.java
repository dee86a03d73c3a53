package com.returnit.notifications.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox of messages, claimed like webhook deliveries: {@code FOR UPDATE SKIP LOCKED} and a lease. */
@Repository
class MessageRepository {

	record Message(UUID id, Channel channel, String recipient, @Nullable String subject, String body, int attempts) {
	}

	private final JdbcClient jdbc;

	MessageRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Message> claim(Instant now, int limit, Duration lease) {
		return jdbc.sql("""
				UPDATE notification_messages SET lease_until = :leaseUntil
				WHERE id IN (
				  SELECT id FROM notification_messages
				  WHERE status = 'pending' AND next_attempt_at <= :now AND (lease_until IS NULL OR lease_until <= :now)
				  ORDER BY next_attempt_at LIMIT :limit
				  FOR UPDATE SKIP LOCKED)
				RETURNING id, channel, recipient, subject, body, attempts""")
			.param("leaseUntil", Timestamp.from(now.plus(lease))).param("now", Timestamp.from(now)).param("limit", limit)
			.query((rs, n) -> new Message(rs.getObject(1, UUID.class), Channel.of(rs.getString(2)), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getInt(6)))
			.list();
	}

	void sent(UUID id, int attempts, Instant now) {
		jdbc.sql("""
				UPDATE notification_messages SET status = 'sent', attempts = :attempts, sent_at = :now,
				next_attempt_at = NULL, lease_until = NULL, last_error = NULL WHERE id = :id""")
			.param("id", id).param("attempts", attempts).param("now", Timestamp.from(now)).update();
	}

	/** Pending again from {@code next}, or failed for good when there is no next attempt. */
	void failed(UUID id, int attempts, String error, @Nullable Instant next) {
		jdbc.sql("""
				UPDATE notification_messages SET status = :status, attempts = :attempts, last_error = :error,
				next_attempt_at = :next, lease_until = NULL WHERE id = :id""")
			.param("id", id).param("status", next == null ? "failed" : "pending").param("attempts", attempts)
			.param("error", error.length() > 1000 ? error.substring(0, 1000) : error)
			.param("next", next == null ? null : Timestamp.from(next))
			.update();
	}
}
