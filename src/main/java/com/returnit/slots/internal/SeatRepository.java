package com.returnit.slots.internal;

import com.returnit.slots.internal.domain.Window;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Seats held in pickup windows: a counter per window that only ever changes in one atomic statement (never read,
 * then written), and one hold per order saying which seat it has.
 */
@Repository
class SeatRepository {

	private final JdbcClient jdbc;

	SeatRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Takes a seat in the window and records the order's hold; false, and nothing changed, when the window is full.
	 * The capacity is the schedule's as it is now: lowering it keeps the seats already held, raising it adds room.
	 * Concurrent bookings of one window queue on its row, and each sees the count the one before it left.
	 */
	boolean hold(UUID orderId, UUID areaId, Window window, Instant now) {
		int taken = jdbc.sql("""
				INSERT INTO pickup_slots AS s (area_id, window_start, window_end, booked)
				VALUES (:area, :start, :end, 1)
				ON CONFLICT (area_id, window_start) DO UPDATE SET booked = s.booked + 1
				WHERE s.booked < (SELECT capacity_per_window FROM pickup_schedules WHERE area_id = s.area_id)""")
			.param("area", areaId).param("start", Timestamp.from(window.start()))
			.param("end", Timestamp.from(window.end()))
			.update();
		if (taken == 0) {
			return false;
		}
		jdbc.sql("""
				INSERT INTO pickup_slot_holds (order_id, area_id, window_start, held_at)
				VALUES (:order, :area, :start, :now)""")
			.param("order", orderId).param("area", areaId).param("start", Timestamp.from(window.start()))
			.param("now", Timestamp.from(now))
			.update();
		return true;
	}

	/** Gives the order's seat back, once: the hold is deleted and its window's count lowered in one statement. */
	void release(UUID orderId) {
		jdbc.sql("""
				WITH released AS (DELETE FROM pickup_slot_holds WHERE order_id = :order RETURNING area_id, window_start)
				UPDATE pickup_slots s SET booked = s.booked - 1 FROM released r
				WHERE s.area_id = r.area_id AND s.window_start = r.window_start""")
			.param("order", orderId)
			.update();
	}

	int bookedAt(UUID areaId, Instant windowStart) {
		return jdbc.sql("SELECT booked FROM pickup_slots WHERE area_id = :area AND window_start = :start")
			.param("area", areaId).param("start", Timestamp.from(windowStart))
			.query(Integer.class).optional().orElse(0);
	}

	/** Seats held per window start in {@code [from, to)} (the primary key's index answers it). */
	Map<Instant, Integer> booked(UUID areaId, Instant from, Instant to) {
		Map<Instant, Integer> booked = new HashMap<>();
		jdbc.sql("""
				SELECT window_start, booked FROM pickup_slots
				WHERE area_id = :area AND window_start >= :from AND window_start < :to""")
			.param("area", areaId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
			.query(rs -> {
				booked.put(rs.getTimestamp("window_start").toInstant(), rs.getInt("booked"));
			});
		return booked;
	}
}
