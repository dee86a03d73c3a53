package com.returnit.webhooks.internal;


import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * An endpoint's deliveries, newest first, each with the body sent and every attempt: status code, latency, error, the
 * receiver's answer (its first 4 KiB), next retry.
 */
@Repository
class DeliveryLog {

	/** {@code request}: what was (or will be) sent, byte for byte the signed body. */
	record Entry(UUID id, String eventId, String eventType, String status, int attempts, @Nullable Integer lastStatus,
			@Nullable String lastError, @Nullable Instant nextAttemptAt, Instant createdAt,
			@Nullable Instant completedAt, Request request, List<DeliveryRepository.Attempt> attemptLog) {
	}

	record Request(String body) {
	}

	private final JdbcClient jdbc;

	DeliveryLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One page by id (UUIDv7, creation order), one more row than asked for telling whether there are more. */
	List<Entry> page(UUID endpointId, @Nullable String status, @Nullable UUID startingAfter, int limit) {
		Map<UUID, Entry> entries = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT d.id, d.event_id, e.type, d.status, d.attempts, d.last_status, d.last_error, d.next_attempt_at,
				d.created_at, d.completed_at, e.payload
				FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
				WHERE d.endpoint_id = :endpoint AND (CAST(:status AS text) IS NULL OR d.status = :status)
				AND (CAST(:after AS uuid) IS NULL OR d.id < :after)
				ORDER BY d.id DESC LIMIT :limit""")
			.param("endpoint", endpointId).param("status", status).param("after", startingAfter).param("limit", limit)
			.query((rs, n) -> new Entry(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getInt(5), (Integer) rs.getObject(6), rs.getString(7), instant(rs, 8), instant(rs, 9),
					instant(rs, 10), new Request(rs.getString(11)), new java.util.ArrayList<>()))
			.list().forEach(entry -> entries.put(entry.id(), entry));
		if (entries.isEmpty()) {
			return List.of();
		}
		jdbc.sql("""
				SELECT delivery_id, attempt, attempted_at, status_code, latency_ms, error, next_retry_at, response_body
				FROM webhook_attempts WHERE delivery_id = ANY (CAST(:ids AS uuid[])) ORDER BY delivery_id, attempt""")
			.param("ids", entries.keySet().stream().map(UUID::toString).toArray(String[]::new))
			.query((rs, n) -> {
				entries.get(rs.getObject(1, UUID.class)).attemptLog().add(new DeliveryRepository.Attempt(rs.getInt(2),
						instant(rs, 3), (Integer) rs.getObject(4), rs.getLong(5), rs.getString(6), instant(rs, 7), rs.getString(8)));
				return 0;
			})
			.list();
		return List.copyOf(entries.values());
	}

	private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}
}
