package com.returnit.slots.internal.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The windows an area offers: each open day, from {@code opens} in steps of {@code windowMinutes} of the wall clock
 * in the area's time zone, while a window ends at or before {@code closes}. On the days the clocks change, a window
 * across the change is an hour shorter or longer; a wall-clock time that does not exist that day moves to the first
 * one after the gap, and a window left empty by that is dropped.
 */
public record WindowPlan(String timeZone, int windowMinutes, int leadMinutes, List<OpeningHours> days) {

	public WindowPlan {
		days = List.copyOf(days);
	}

	public ZoneId zone() {
		return ZoneId.of(timeZone);
	}

	/** Bookings must start at or after this. */
	public Instant earliestStart(Instant now) {
		return now.plus(Duration.ofMinutes(leadMinutes));
	}

	/** The windows of this local date, in order. */
	public List<Window> windowsOn(LocalDate date) {
		List<Window> windows = new ArrayList<>();
		ZoneId zone = zone();
		LocalDateTime midnight = date.atStartOfDay();
		for (OpeningHours hours : days) {
			if (hours.day() != date.getDayOfWeek()) {
				continue;
			}
			for (int minute = hours.opensMinute(); minute + windowMinutes <= hours.closesMinute(); minute += windowMinutes) {
				Instant start = ZonedDateTime.of(midnight.plusMinutes(minute), zone).toInstant();
				Instant end = ZonedDateTime.of(midnight.plusMinutes(minute + windowMinutes), zone).toInstant();
				if (end.isAfter(start)) {
					windows.add(new Window(start, end));
				}
			}
		}
		return windows;
	}

	/** Every window starting at or after {@code from} and before {@code to}, in order. */
	public List<Window> windowsStartingBetween(Instant from, Instant to) {
		List<Window> windows = new ArrayList<>();
		ZoneId zone = zone();
		LocalDate last = to.atZone(zone).toLocalDate();
		for (LocalDate date = from.atZone(zone).toLocalDate(); !date.isAfter(last); date = date.plusDays(1)) {
			for (Window window : windowsOn(date)) {
				if (!window.start().isBefore(from) && window.start().isBefore(to)) {
					windows.add(window);
				}
			}
		}
		return windows;
	}

	/** True when exactly this window (start and end) is one of the plan's windows. */
	public boolean offers(Window window) {
		return windowsOn(window.start().atZone(zone()).toLocalDate()).contains(window);
	}
}
