package com.returnit.tracking.internal;

import com.returnit.tracking.Position;
import com.returnit.tracking.internal.domain.Ping;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a batch of pings from many requests in one transaction of two statements, whatever the batch size: the pings
 * as one multi-row INSERT over {@code unnest}ed arrays (a ping already stored, sent again by a retrying client, is
 * skipped), and the drivers' latest positions as one upsert that only
 * moves a position forward in time, plus a fan-out message per hundred moved drivers.
 */
@Repository
class PingStore {

	/** A ping as stored: whose, and whether it was flagged as a jump. */
	record Row(UUID driverId, Ping ping, boolean flagged) {
	}

	private static final String INSERT_PINGS = """
			INSERT INTO driver_pings (driver_id, recorded_at, lat, lng, accuracy_m, speed_mps, heading_deg, flagged,
			  received_at)
			SELECT d, r, la, ln, a, s, h, f, ?
			FROM unnest(?::uuid[], ?::timestamptz[], ?::float8[], ?::float8[], ?::float8[], ?::float8[], ?::float8[],
			  ?::boolean[]) AS t(d, r, la, ln, a, s, h, f)
			ON CONFLICT (driver_id, recorded_at) DO NOTHING""";

	private static final String UPSERT_LATEST = """
			INSERT INTO driver_positions_latest AS latest (driver_id, lat, lng, recorded_at, updated_at)
			SELECT d, la, ln, r, now() FROM unnest(?::uuid[], ?::float8[], ?::float8[], ?::timestamptz[]) AS t(d, la, ln, r)
			ON CONFLICT (driver_id) DO UPDATE
			SET lat = excluded.lat, lng = excluded.lng, recorded_at = excluded.recorded_at, updated_at = now()
			WHERE latest.recorded_at < excluded.recorded_at""";

	private final JdbcTemplate jdbc;
	private final TransactionTemplate tx;
	private final Fanout fanout;

	PingStore(JdbcTemplate jdbc, TransactionTemplate tx, Fanout fanout) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.fanout = fanout;
	}

	/**
	 * Stores the pings and the new latest positions (at most one per driver) together, or nothing; every node hears
	 * of the new positions when they commit.
	 */
	void write(List<Row> rows, List<Position> latest, Instant receivedAt) {
		tx.executeWithoutResult(status -> {
			jdbc.execute((ConnectionCallback<Void>) connection -> {
				insertPings(connection, rows, receivedAt);
				if (!latest.isEmpty()) {
					upsertLatest(connection, latest);
				}
				return null;
			});
			fanout.publish(Fanout.POSITIONS, PositionMessages.encode(latest));
		});
	}

	private static void insertPings(Connection connection, List<Row> rows, Instant receivedAt) throws SQLException {
		int n = rows.size();
		Object[] drivers = new Object[n];
		Object[] recorded = new Object[n];
		Object[] lats = new Object[n];
		Object[] lngs = new Object[n];
		Object[] accuracies = new Object[n];
		Object[] speeds = new Object[n];
		Object[] headings = new Object[n];
		Object[] flagged = new Object[n];
		for (int i = 0; i < n; i++) {
			Row row = rows.get(i);
			drivers[i] = row.driverId();
			recorded[i] = row.ping().recordedAt().toString();
			lats[i] = row.ping().lat();
			lngs[i] = row.ping().lng();
			accuracies[i] = row.ping().accuracyM();
			speeds[i] = row.ping().speedMps();
			headings[i] = row.ping().headingDeg();
			flagged[i] = row.flagged();
		}
		try (PreparedStatement insert = connection.prepareStatement(INSERT_PINGS)) {
			insert.setTimestamp(1, Timestamp.from(receivedAt));
			insert.setArray(2, connection.createArrayOf("uuid", drivers));
			insert.setArray(3, connection.createArrayOf("timestamptz", recorded));
			insert.setArray(4, connection.createArrayOf("float8", lats));
			insert.setArray(5, connection.createArrayOf("float8", lngs));
			insert.setArray(6, connection.createArrayOf("float8", accuracies));
			insert.setArray(7, connection.createArrayOf("float8", speeds));
			insert.setArray(8, connection.createArrayOf("float8", headings));
			insert.setArray(9, connection.createArrayOf("boolean", flagged));
			insert.executeUpdate();
		}
	}

	/** Sorted by driver, so concurrent writers on several nodes lock the rows in the same order. */
	private static void upsertLatest(Connection connection, List<Position> latest) throws SQLException {
		List<Position> sorted = latest.stream().sorted(Comparator.comparing(Position::driverId)).toList();
		int n = sorted.size();
		Object[] drivers = new Object[n];
		Object[] lats = new Object[n];
		Object[] lngs = new Object[n];
		Object[] recorded = new Object[n];
		for (int i = 0; i < n; i++) {
			drivers[i] = sorted.get(i).driverId();
			lats[i] = sorted.get(i).lat();
			lngs[i] = sorted.get(i).lng();
			recorded[i] = sorted.get(i).recordedAt().toString();
		}
		try (PreparedStatement upsert = connection.prepareStatement(UPSERT_LATEST)) {
			upsert.setArray(1, connection.createArrayOf("uuid", drivers));
			upsert.setArray(2, connection.createArrayOf("float8", lats));
			upsert.setArray(3, connection.createArrayOf("float8", lngs));
			upsert.setArray(4, connection.createArrayOf("timestamptz", recorded));
			upsert.executeUpdate();
		}
	}
}
