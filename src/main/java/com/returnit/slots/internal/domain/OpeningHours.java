package com.returnit.slots.internal.domain;

import java.time.DayOfWeek;
import java.util.Locale;

/**
 * When pickups run on one day of the week, in minutes after local midnight; {@code closesMinute} may be 1440
 * (24:00, the end of the day).
 */
public record OpeningHours(DayOfWeek day, int opensMinute, int closesMinute) {

	public String dayName() {
		return day.name().toLowerCase(Locale.ROOT);
	}

	public String opens() {
		return clock(opensMinute);
	}

	public String closes() {
		return clock(closesMinute);
	}

	static String clock(int minuteOfDay) {
		return "%02d:%02d".formatted(minuteOfDay / 60, minuteOfDay % 60);
	}
}
