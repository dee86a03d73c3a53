package com.returnit.slots.internal;

import com.returnit.slots.internal.domain.Schedule;
import com.returnit.slots.internal.domain.ScheduleRules;
import com.returnit.slots.internal.domain.WindowPlan;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Pickup schedules, one per service area; the days are kept as written ({@code [{day, opens, closes}]}). */
@Repository
class ScheduleRepository {

	private static final TypeReference<List<ScheduleRules.Day>> DAYS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JsonMapper json;

	ScheduleRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Saves the area's schedule, replacing the one it had; false when {@code onlyIfAbsent} and it had one. */
	boolean save(Schedule schedule, boolean onlyIfAbsent) {
		WindowPlan plan = schedule.plan();
		List<ScheduleRules.Day> days = plan.days().stream()
			.map(d -> new ScheduleRules.Day(d.dayName(), d.opens(), d.closes()))
			.toList();
		return jdbc.sql("""
				INSERT INTO pickup_schedules (area_id, time_zone, window_minutes, capacity_per_window, lead_minutes, days,
				  updated_at)
				VALUES (:area, :zone, :window, :capacity, :lead, CAST(:days AS jsonb), :updated)
				ON CONFLICT (area_id) DO UPDATE SET time_zone = EXCLUDED.time_zone,
				  window_minutes = EXCLUDED.window_minutes, capacity_per_window = EXCLUDED.capacity_per_window,
				  lead_minutes = EXCLUDED.lead_minutes, days = EXCLUDED.days, updated_at = EXCLUDED.updated_at
				WHERE NOT :onlyIfAbsent""")
			.param("area", schedule.areaId()).param("zone", plan.timeZone()).param("window", plan.windowMinutes())
			.param("capacity", schedule.capacityPerWindow()).param("lead", plan.leadMinutes())
			.param("days", json.writeValueAsString(days)).param("updated", Timestamp.from(schedule.updatedAt()))
			.param("onlyIfAbsent", onlyIfAbsent)
			.update() == 1;
	}

	List<Schedule> all() {
		return jdbc.sql("SELECT * FROM pickup_schedules ORDER BY area_id").query(this::map).list();
	}

	private Schedule map(ResultSet rs, int row) throws SQLException {
		List<ScheduleRules.Day> days = json.readValue(rs.getString("days"), DAYS);
		ScheduleRules.Parsed parsed = ScheduleRules.parse(new ScheduleRules.Input(rs.getString("time_zone"),
				rs.getInt("window_minutes"), rs.getInt("capacity_per_window"), rs.getInt("lead_minutes"),
				List.copyOf(days)));
		return new Schedule(rs.getObject("area_id", UUID.class), parsed.plan(), parsed.capacityPerWindow(),
				rs.getTimestamp("updated_at").toInstant());
	}
}
