package com.returnit.orders.internal.domain;

import com.returnit.platform.FieldError;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Pickup windows are at least an hour long, start in the future, and start at most 30 days out. */
public final class BookingWindow {

	public static final Duration MIN_LENGTH = Duration.ofHours(1);
	public static final Duration MAX_LENGTH = Duration.ofHours(24);
	public static final Duration MAX_AHEAD = Duration.ofDays(30);

	private BookingWindow() {
	}

	public static List<FieldError> problems(Instant start, Instant end, Instant now) {
		List<FieldError> errors = new ArrayList<>();
		if (!start.isAfter(now)) {
			errors.add(new FieldError("window.start", "must be in the future"));
		}
		if (start.isAfter(now.plus(MAX_AHEAD))) {
			errors.add(new FieldError("window.start", "must be at most 30 days ahead"));
		}
		Duration length = Duration.between(start, end);
		if (length.compareTo(MIN_LENGTH) < 0) {
			errors.add(new FieldError("window.end", "must be at least 1 hour after window.start"));
		}
		if (length.compareTo(MAX_LENGTH) > 0) {
			errors.add(new FieldError("window.end", "must be at most 24 hours after window.start"));
		}
		return errors;
	}
}
