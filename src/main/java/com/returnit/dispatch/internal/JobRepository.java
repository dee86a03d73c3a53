package com.returnit.dispatch.internal;

import com.returnit.dispatch.internal.domain.DispatchJob;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JobRepository {

	private final JdbcClient jdbc;

	JobRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Creates the job once; a redelivered OrderScheduled event changes nothing. */
	void insert(DispatchJob job, Instant now) {
		jdbc.sql("""
				INSERT INTO dispatch_jobs (order_id, pickup_lat, pickup_lng, item_count, window_start, dispatch_at,
				  status, misses, next_attempt_at, created_at, updated_at, service_area_id)
				VALUES (:order, :lat, :lng, :items, :window, :dispatchAt, 'pending', 0, :dispatchAt, :now, :now, :area)
				ON CONFLICT (order_id) DO NOTHING""")
			.param("order", job.orderId()).param("lat", job.lat()).param("lng", job.lng())
			.param("area", job.serviceAreaId())
			.param("items", job.itemCount()).param("window", Timestamp.from(job.windowStart()))
			.param("dispatchAt", Timestamp.from(job.dispatchAt())).param("now", Timestamp.from(now))
			.update();
	}

	/** Due jobs, locked for this transaction; other nodes skip them rather than wait. */
	List<DispatchJob> lockDue(Instant now, int limit) {
		return jdbc.sql("""
				SELECT * FROM dispatch_jobs WHERE status = 'pending' AND next_attempt_at <= :now
				ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED""")
			.param("now", Timestamp.from(now)).param("limit", limit).query(JobRepository::map).list();
	}

	/**
	 * As {@link #lockDue(Instant, int)}, only in these service areas ({@link DispatchModes#NO_AREA} stands for jobs
	 * outside every area).
	 */
	List<DispatchJob> lockDue(Instant now, int limit, Set<UUID> areas) {
		if (areas.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT * FROM dispatch_jobs WHERE status = 'pending' AND next_attempt_at <= :now
				  AND coalesce(service_area_id, :none) IN (:areas)
				ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED""")
			.param("now", Timestamp.from(now)).param("limit", limit).param("none", DispatchModes.NO_AREA)
			.param("areas", areas).query(JobRepository::map).list();
	}

	/** The service areas with due jobs ({@link DispatchModes#NO_AREA} for jobs outside every area); not locked. */
	Set<UUID> dueAreas(Instant now) {
		return Set.copyOf(jdbc.sql("""
				SELECT DISTINCT coalesce(service_area_id, :none) FROM dispatch_jobs
				WHERE status = 'pending' AND next_attempt_at <= :now""")
			.param("now", Timestamp.from(now)).param("none", DispatchModes.NO_AREA).query(UUID.class).list());
	}

	Optional<DispatchJob> lock(UUID orderId) {
		return jdbc.sql("SELECT * FROM dispatch_jobs WHERE order_id = :order FOR UPDATE")
			.param("order", orderId).query(JobRepository::map).optional();
	}

	void update(UUID orderId, String status, int misses, Instant nextAttempt, Instant now) {
		jdbc.sql("""
				UPDATE dispatch_jobs SET status = :status, misses = :misses, next_attempt_at = :next, updated_at = :now
				WHERE order_id = :order""")
			.param("order", orderId).param("status", status).param("misses", misses)
			.param("next", Timestamp.from(nextAttempt)).param("now", Timestamp.from(now))
			.update();
	}

	List<DispatchJob> unassigned(int limit) {
		return jdbc.sql("SELECT * FROM dispatch_jobs WHERE status = 'unassigned' ORDER BY updated_at DESC LIMIT :limit")
			.param("limit", limit).query(JobRepository::map).list();
	}

	private static DispatchJob map(ResultSet rs, int row) throws SQLException {
		return new DispatchJob(rs.getObject("order_id", UUID.class), rs.getDouble("pickup_lat"),
				rs.getDouble("pickup_lng"), rs.getInt("item_count"), rs.getTimestamp("window_start").toInstant(),
				rs.getTimestamp("dispatch_at").toInstant(), rs.getString("status"), rs.getInt("misses"),
				rs.getTimestamp("next_attempt_at").toInstant(), rs.getObject("service_area_id", UUID.class));
	}
}
