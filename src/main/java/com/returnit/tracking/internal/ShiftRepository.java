package com.returnit.tracking.internal;

import com.returnit.tracking.internal.domain.Shift;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Shift history; {@code updated_at} is stamped with the database's clock so other nodes can follow changes. */
@Repository
class ShiftRepository {

	/** A driver whose shift state changed, as of the database time {@code changedAt}. */
	record Change(UUID driverId, boolean onShift, Instant changedAt) {
	}

	private final JdbcClient jdbc;

	ShiftRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Shift> open(UUID driverId) {
		return jdbc.sql("SELECT * FROM driver_shifts WHERE driver_id = :driver AND ended_at IS NULL")
			.param("driver", driverId).query(ShiftRepository::map).optional();
	}

	/** The open shift, else the last one that ended. */
	Optional<Shift> last(UUID driverId) {
		return jdbc.sql("SELECT * FROM driver_shifts WHERE driver_id = :driver ORDER BY started_at DESC LIMIT 1")
			.param("driver", driverId).query(ShiftRepository::map).optional();
	}

	/** Inserts an open shift unless the driver already has one (a concurrent start); answers whether it did. */
	boolean insertOpen(Shift shift) {
		return jdbc.sql("""
				INSERT INTO driver_shifts (id, driver_id, started_at, updated_at) VALUES (:id, :driver, :started, now())
				ON CONFLICT (driver_id) WHERE ended_at IS NULL DO NOTHING""")
			.param("id", shift.id()).param("driver", shift.driverId())
			.param("started", Timestamp.from(shift.startedAt())).update() == 1;
	}

	/** Records the end of a shift that is still open; answers false if someone else ended it first. */
	boolean close(Shift ended) {
		return jdbc.sql("""
				UPDATE driver_shifts SET ended_at = :ended, updated_at = now() WHERE id = :id AND ended_at IS NULL""")
			.param("id", ended.id()).param("ended", Timestamp.from(ended.endedAt())).update() == 1;
	}

	boolean onShift(UUID driverId) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM driver_shifts WHERE driver_id = :driver AND ended_at IS NULL)")
			.param("driver", driverId).query(Boolean.class).single();
	}

	List<UUID> allOnShift() {
		return jdbc.sql("SELECT driver_id FROM driver_shifts WHERE ended_at IS NULL").query(UUID.class).list();
	}

	/** Drivers whose shifts started or ended after {@code since}; at most one shift per driver is open. */
	List<Change> changedSince(Instant since) {
		return jdbc.sql("""
				SELECT driver_id, bool_or(ended_at IS NULL) AS on_shift, max(updated_at) AS changed_at
				FROM driver_shifts WHERE updated_at > :since GROUP BY driver_id""")
			.param("since", Timestamp.from(since))
			.query((rs, n) -> new Change(rs.getObject("driver_id", UUID.class), rs.getBoolean("on_shift"),
					rs.getTimestamp("changed_at").toInstant()))
			.list();
	}

	private static Shift map(ResultSet rs, int row) throws SQLException {
		Timestamp ended = rs.getTimestamp("ended_at");
		return new Shift(rs.getObject("id", UUID.class), rs.getObject("driver_id", UUID.class),
				rs.getTimestamp("started_at").toInstant(), ended == null ? null : ended.toInstant());
	}
}
