package com.returnit.operations.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operators' view across modules, read-only and in one place (ADR 0017): counts and positions straight from the
 * other modules' tables, each query served by an index they already have. Nothing here ever writes them.
 */
@Repository
class ReadModel {

	static final List<String> OPEN = List.of("scheduled", "assigned", "en_route", "picked_up");
	static final List<String> DONE = List.of("delivered", "cancelled", "failed");

	/** A driver on shift and the latest known position (none yet right after the shift starts). */
	record DriverOnShift(UUID id, @Nullable Double lat, @Nullable Double lng, @Nullable Instant at) {
	}

	record Area(UUID id, String name, List<double[]> polygon) {
	}

	record Point(double lat, double lng) {
	}

	/** PostgreSQL's own counters for this database. */
	record DatabaseStats(long connections, long commits, long rollbacks, long deadlocks, long sizeBytes) {
	}

	private static final TypeReference<List<double[]>> POLYGON = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Clock clock;

	ReadModel(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/** Open orders by status, and those that ended in the last 24 hours (ids are UUIDv7: a range of the index). */
	Map<String, Long> ordersByStatus() {
		UUID dayAgo = new UUID(clock.instant().minus(Duration.ofDays(1)).toEpochMilli() << 16, 0);
		Map<String, Long> counts = new LinkedHashMap<>();
		OPEN.forEach(s -> counts.put(s, 0L));
		DONE.forEach(s -> counts.put(s, 0L));
		jdbc.sql("""
				SELECT status, count(*) AS n FROM orders WHERE status IN (:open) GROUP BY status
				UNION ALL
				SELECT status, count(*) FROM orders WHERE status IN (:done) AND id >= :dayAgo GROUP BY status""")
			.param("open", OPEN).param("done", DONE)
			.param("dayAgo", dayAgo)
			.query((rs, row) -> counts.put(rs.getString("status"), rs.getLong("n"))).list();
		return counts;
	}

	List<DriverOnShift> driversOnShift() {
		return jdbc.sql("""
				SELECT s.driver_id, p.lat, p.lng, p.recorded_at FROM driver_shifts s
				LEFT JOIN driver_positions_latest p ON p.driver_id = s.driver_id
				WHERE s.ended_at IS NULL""")
			.query((rs, row) -> new DriverOnShift(rs.getObject("driver_id", UUID.class),
					rs.getObject("lat", Double.class), rs.getObject("lng", Double.class),
					rs.getTimestamp("recorded_at") == null ? null : rs.getTimestamp("recorded_at").toInstant()))
			.list();
	}

	List<Area> areas() {
		return jdbc.sql("SELECT id, name, polygon FROM service_areas ORDER BY id")
			.query((rs, row) -> new Area(rs.getObject("id", UUID.class), rs.getString("name"),
					json.readValue(rs.getString("polygon"), POLYGON)))
			.list();
	}

	/** Pickups still without a driver whose window starts before {@code until}. */
	List<Point> unassignedPickupsBefore(Instant until) {
		return jdbc.sql("SELECT pickup_lat, pickup_lng FROM orders WHERE status = 'scheduled' AND window_start < :until")
			.param("until", Timestamp.from(until))
			.query((rs, row) -> new Point(rs.getDouble("pickup_lat"), rs.getDouble("pickup_lng"))).list();
	}

	/** Event publications not completed for longer than {@code age}: listeners failing or falling behind. */
	long incompletePublicationsOlderThan(Duration age) {
		return jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND publication_date < :cutoff")
			.param("cutoff", Timestamp.from(clock.instant().minus(age))).query(Long.class).single();
	}

	DatabaseStats databaseStats() {
		return jdbc.sql("""
				SELECT numbackends, xact_commit, xact_rollback, deadlocks, pg_database_size(datname) AS size
				FROM pg_stat_database WHERE datname = current_database()""")
			.query((rs, row) -> new DatabaseStats(rs.getLong("numbackends"), rs.getLong("xact_commit"),
					rs.getLong("xact_rollback"), rs.getLong("deadlocks"), rs.getLong("size")))
			.single();
	}

	List<String> operatorEmails() {
		return jdbc.sql("SELECT email FROM accounts WHERE role = 'operator' ORDER BY created_at").query(String.class).list();
	}
}
