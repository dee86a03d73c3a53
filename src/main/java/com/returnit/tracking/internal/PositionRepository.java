package com.returnit.tracking.internal;

import com.returnit.tracking.Position;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads of driver_positions_latest, the truth every node's cache and index are refreshed from. */
@Repository
class PositionRepository {

	/** A latest position as of {@code updatedAt}, the database's time of the write. */
	record Change(Position position, Instant updatedAt) {
	}

	private static final String COLUMNS = "driver_id, lat, lng, recorded_at, updated_at";

	private final JdbcClient jdbc;

	PositionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Position> find(UUID driverId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM driver_positions_latest WHERE driver_id = :driver")
			.param("driver", driverId).query(PositionRepository::position).optional();
	}

	List<Position> findAll(Collection<UUID> driverIds) {
		if (driverIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM driver_positions_latest WHERE driver_id IN (:drivers)")
			.param("drivers", driverIds).query(PositionRepository::position).list();
	}

	List<Change> changedSince(Instant since) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM driver_positions_latest WHERE updated_at > :since")
			.param("since", Timestamp.from(since))
			.query((rs, n) -> new Change(position(rs, n), rs.getTimestamp("updated_at").toInstant())).list();
	}

	/** The database's clock, which stamps every {@code updated_at}. */
	Instant databaseNow() {
		return jdbc.sql("SELECT now()").query(Timestamp.class).single().toInstant();
	}

	private static Position position(ResultSet rs, int row) throws SQLException {
		return new Position(rs.getObject("driver_id", UUID.class), rs.getDouble("lat"), rs.getDouble("lng"),
				rs.getTimestamp("recorded_at").toInstant());
	}
}
