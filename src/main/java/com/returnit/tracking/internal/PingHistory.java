package com.returnit.tracking.internal;

import com.returnit.tracking.internal.LocationHistoryController.PingView;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads of driver_pings; the range on recorded_at prunes partitions, the (driver, recorded_at) index orders. */
@Repository
class PingHistory {

	private final JdbcClient jdbc;

	PingHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<PingView> between(UUID driverId, Instant from, Instant to, @Nullable Instant after, int limit) {
		Instant start = after != null && after.isAfter(from) ? after : from;
		String lower = after != null && after.isAfter(from) ? ">" : ">=";
		return jdbc.sql("""
				SELECT lat, lng, recorded_at, accuracy_m, speed_mps, heading_deg, flagged FROM driver_pings
				WHERE driver_id = :driver AND recorded_at %s :start AND recorded_at < :end
				ORDER BY recorded_at LIMIT :limit""".formatted(lower))
			.param("driver", driverId).param("start", Timestamp.from(start)).param("end", Timestamp.from(to))
			.param("limit", limit)
			.query((rs, n) -> new PingView(rs.getDouble("lat"), rs.getDouble("lng"),
					rs.getTimestamp("recorded_at").toInstant(), (Double) rs.getObject("accuracy_m"),
					(Double) rs.getObject("speed_mps"), (Double) rs.getObject("heading_deg"), rs.getBoolean("flagged")))
			.list();
	}
}
