package com.returnit.platform.internal.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the audit trail: every filter is an indexed range scan by id (UUIDv7, so time order). */
@Repository
class AuditEvents {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	record Event(UUID id, Instant occurredAt, String actor, @Nullable String ip, String action, String targetType,
			@Nullable String targetId, JsonNode detail) {
	}

	record Filter(@Nullable String action, @Nullable String actor, @Nullable String targetId, @Nullable Instant from,
			@Nullable Instant to, @Nullable UUID startingAfter) {
	}

	private final JdbcClient jdbc;

	AuditEvents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Event> page(Filter filter, int limit) {
		StringBuilder sql = new StringBuilder("SELECT * FROM audit_events WHERE true");
		Map<String, Object> params = new HashMap<>();
		add(sql, params, "action", "action = :action", filter.action());
		add(sql, params, "actor", "actor = :actor", filter.actor());
		add(sql, params, "target", "target_id = :target", filter.targetId());
		add(sql, params, "from", "occurred_at >= :from", filter.from() == null ? null : Timestamp.from(filter.from()));
		add(sql, params, "to", "occurred_at < :to", filter.to() == null ? null : Timestamp.from(filter.to()));
		add(sql, params, "after", "id < :after", filter.startingAfter());
		sql.append(" ORDER BY id DESC LIMIT :limit");
		params.put("limit", limit);
		return jdbc.sql(sql.toString()).params(params)
			.query((rs, n) -> new Event(rs.getObject("id", UUID.class), rs.getTimestamp("occurred_at").toInstant(),
					rs.getString("actor"), rs.getString("ip"), rs.getString("action"), rs.getString("target_type"),
					rs.getString("target_id"), JSON.readTree(rs.getString("detail"))))
			.list();
	}

	private static void add(StringBuilder sql, Map<String, Object> params, String name, String condition,
			@Nullable Object value) {
		if (value != null) {
			sql.append(" AND ").append(condition);
			params.put(name, value);
		}
	}
}
