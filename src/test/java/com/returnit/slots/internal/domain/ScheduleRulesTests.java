package com.returnit.slots.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.returnit.orders.internal.domain.BookingWindow;
import com.returnit.platform.InvalidInput;
import java.time.DayOfWeek;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleRulesTests {

	@Test
	void aValidScheduleBecomesItsPlanWithTheDaysInWeekOrder() {
		var parsed = ScheduleRules.parse(new ScheduleRules.Input("Europe/Berlin", 120, 8, 60, List.of(
				new ScheduleRules.Day("sunday", "10:00", "24:00"), new ScheduleRules.Day("monday", "08:00", "20:00"))));

		assertThat(parsed.capacityPerWindow()).isEqualTo(8);
		assertThat(parsed.plan()).isEqualTo(new WindowPlan("Europe/Berlin", 120, 60, List.of(
				new OpeningHours(DayOfWeek.MONDAY, 480, 1200), new OpeningHours(DayOfWeek.SUNDAY, 600, 1440))));
	}

	@Test
	void noDaysMeansClosedEveryDay() {
		var parsed = ScheduleRules.parse(new ScheduleRules.Input("UTC", 60, 1, 0, List.of()));

		assertThat(parsed.plan().days()).isEmpty();
	}

	@Test
	void fixedOffsetsAreNotTimeZones() {
		assertThatThrownBy(() -> ScheduleRules.parse(new ScheduleRules.Input("+02:00", 60, 1, 0, List.of())))
			.isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
				.extracting(error -> error.field()).containsExactly("timeZone"));
	}

	@Test
	void moreThanSevenDaysIsRefusedAsAWhole() {
		var day = new ScheduleRules.Day("monday", "08:00", "20:00");

		assertThatThrownBy(() -> ScheduleRules.parse(new ScheduleRules.Input("UTC", 60, 1, 0,
				List.of(day, day, day, day, day, day, day, day))))
			.isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
				.extracting(error -> error.field() + ": " + error.message())
				.containsExactly("days: must list each day at most once (at most 7 entries)"));
	}

	@Test
	void slotsKeepToTheSameWindowLimitsAsBookings() {
		assertThat(Bookable.MIN_LENGTH).isEqualTo(BookingWindow.MIN_LENGTH);
		assertThat(Bookable.MAX_LENGTH).isEqualTo(BookingWindow.MAX_LENGTH);
		assertThat(Bookable.MAX_AHEAD).isEqualTo(BookingWindow.MAX_AHEAD);
		assertThat(ScheduleRules.MIN_WINDOW).isEqualTo(BookingWindow.MIN_LENGTH.toMinutes());
	}
}
