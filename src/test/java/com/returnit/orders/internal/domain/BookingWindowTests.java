package com.returnit.orders.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.platform.FieldError;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BookingWindowTests {

	private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
	private static final Instant TOMORROW = NOW.plus(Duration.ofDays(1));

	@Test
	void aTwoHourWindowTomorrowIsFine() {
		assertThat(problems(TOMORROW, Duration.ofHours(2))).isEmpty();
	}

	@Test
	void aWindowStartsInTheFuture() {
		assertThat(problems(NOW, Duration.ofHours(2)))
			.containsExactly(new FieldError("window.start", "must be in the future"));
		assertThat(problems(NOW.minus(Duration.ofHours(3)), Duration.ofHours(2)))
			.containsExactly(new FieldError("window.start", "must be in the future"));
		assertThat(problems(NOW.plusSeconds(1), Duration.ofHours(2))).isEmpty();
	}

	@Test
	void aWindowStartsAtMostThirtyDaysAhead() {
		assertThat(problems(NOW.plus(Duration.ofDays(30)), Duration.ofHours(2))).isEmpty();
		assertThat(problems(NOW.plus(Duration.ofDays(30)).plusSeconds(1), Duration.ofHours(2)))
			.containsExactly(new FieldError("window.start", "must be at most 30 days ahead"));
	}

	@Test
	void aWindowIsAtLeastAnHourLong() {
		assertThat(problems(TOMORROW, Duration.ofHours(1))).isEmpty();
		assertThat(problems(TOMORROW, Duration.ofMinutes(59)))
			.containsExactly(new FieldError("window.end", "must be at least 1 hour after window.start"));
	}

	@Test
	void aWindowThatEndsBeforeItStartsIsTooShort() {
		assertThat(problems(TOMORROW, Duration.ofHours(-2)))
			.containsExactly(new FieldError("window.end", "must be at least 1 hour after window.start"));
	}

	@Test
	void aWindowIsAtMostADayLong() {
		assertThat(problems(TOMORROW, Duration.ofHours(24))).isEmpty();
		assertThat(problems(TOMORROW, Duration.ofHours(24).plusSeconds(1)))
			.containsExactly(new FieldError("window.end", "must be at most 24 hours after window.start"));
	}

	@Test
	void aWindowInThePastAndTooShortHearsBoth() {
		assertThat(problems(NOW.minus(Duration.ofDays(1)), Duration.ofMinutes(30))).extracting(FieldError::field)
			.containsExactly("window.start", "window.end");
	}

	private static List<FieldError> problems(Instant start, Duration length) {
		return BookingWindow.problems(start, start.plus(length), NOW);
	}
}
