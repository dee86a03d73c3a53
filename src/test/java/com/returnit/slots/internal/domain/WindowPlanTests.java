package com.returnit.slots.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowPlanTests {

	private static WindowPlan plan(String zone, int windowMinutes, DayOfWeek day, int opens, int closes) {
		return new WindowPlan(zone, windowMinutes, 0, List.of(new OpeningHours(day, opens, closes)));
	}

	private static List<String> starts(List<Window> windows) {
		return windows.stream().map(w -> w.start() + "/" + w.end()).toList();
	}

	@Test
	void windowsRunFromOpeningInStepsWhileTheyEndByClosing() {
		// Wednesday 2026-07-15, summer time in Berlin (UTC+2): 08-10, 10-12, ..., 16-18; 18-20 would end after 19:00
		WindowPlan plan = plan("Europe/Berlin", 120, DayOfWeek.WEDNESDAY, 8 * 60, 19 * 60);

		assertThat(starts(plan.windowsOn(LocalDate.of(2026, 7, 15)))).containsExactly(
				"2026-07-15T06:00:00Z/2026-07-15T08:00:00Z", "2026-07-15T08:00:00Z/2026-07-15T10:00:00Z",
				"2026-07-15T10:00:00Z/2026-07-15T12:00:00Z", "2026-07-15T12:00:00Z/2026-07-15T14:00:00Z",
				"2026-07-15T14:00:00Z/2026-07-15T16:00:00Z");
		assertThat(plan.windowsOn(LocalDate.of(2026, 7, 16))).as("Thursday is closed").isEmpty();
	}

	@Test
	void theWallClockHoldsAcrossAChangeOfTheClocks() {
		WindowPlan everyDay = new WindowPlan("Europe/Berlin", 120, 0, List.of(DayOfWeek.values()).stream()
			.map(day -> new OpeningHours(day, 8 * 60, 12 * 60)).toList());

		// Saturday in winter time (UTC+1), Monday in summer time (UTC+2): both open at 08:00 Berlin
		assertThat(everyDay.windowsOn(LocalDate.of(2026, 3, 28)).getFirst().start())
			.isEqualTo(Instant.parse("2026-03-28T07:00:00Z"));
		assertThat(everyDay.windowsOn(LocalDate.of(2026, 3, 30)).getFirst().start())
			.isEqualTo(Instant.parse("2026-03-30T06:00:00Z"));
	}

	@Test
	void aWindowAcrossTheSpringGapIsAnHourShorterAndOneAcrossTheAutumnRepeatAnHourLonger() {
		// 29 March 2026: Berlin's clocks go from 02:00 to 03:00
		WindowPlan spring = plan("Europe/Berlin", 120, DayOfWeek.SUNDAY, 0, 6 * 60);
		assertThat(spring.windowsOn(LocalDate.of(2026, 3, 29))).extracting(Window::length)
			.containsExactly(Duration.ofHours(2), Duration.ofHours(1), Duration.ofHours(2));

		// 25 October 2026: from 03:00 back to 02:00
		WindowPlan autumn = plan("Europe/Berlin", 120, DayOfWeek.SUNDAY, 0, 6 * 60);
		assertThat(autumn.windowsOn(LocalDate.of(2026, 10, 25))).extracting(Window::length)
			.containsExactly(Duration.ofHours(2), Duration.ofHours(3), Duration.ofHours(2));
	}

	@Test
	void aWindowIsOfferedOnlyWithItsExactStartAndEnd() {
		WindowPlan plan = plan("UTC", 120, DayOfWeek.WEDNESDAY, 8 * 60, 20 * 60);
		Instant ten = Instant.parse("2026-07-15T10:00:00Z");

		assertThat(plan.offers(new Window(ten, ten.plus(Duration.ofHours(2))))).isTrue();
		assertThat(plan.offers(new Window(ten, ten.plus(Duration.ofHours(1))))).isFalse();
		assertThat(plan.offers(new Window(ten.plus(Duration.ofHours(1)), ten.plus(Duration.ofHours(3))))).isFalse();
		assertThat(plan.offers(new Window(ten.plus(Duration.ofDays(1)), ten.plus(Duration.ofDays(1).plusHours(2)))))
			.as("Thursday is closed").isFalse();
	}

	@Test
	void closingAtMidnightOffersTheLastWindowOfTheDay() {
		WindowPlan plan = plan("UTC", 240, DayOfWeek.WEDNESDAY, 16 * 60, 24 * 60);

		assertThat(starts(plan.windowsOn(LocalDate.of(2026, 7, 15)))).containsExactly(
				"2026-07-15T16:00:00Z/2026-07-15T20:00:00Z", "2026-07-15T20:00:00Z/2026-07-16T00:00:00Z");
	}

	@Test
	void windowsBetweenTwoInstantsAreThoseStartingInTheRange() {
		WindowPlan plan = new WindowPlan("UTC", 120, 0, List.of(DayOfWeek.values()).stream()
			.map(day -> new OpeningHours(day, 8 * 60, 12 * 60)).toList());

		assertThat(starts(plan.windowsStartingBetween(Instant.parse("2026-07-15T09:00:00Z"),
				Instant.parse("2026-07-16T10:00:00Z")))).containsExactly(
						"2026-07-15T10:00:00Z/2026-07-15T12:00:00Z", "2026-07-16T08:00:00Z/2026-07-16T10:00:00Z");
	}
}
