package com.returnit.slots.internal.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * The window rules every booking is checked against (the orders module's {@code BookingWindow}; slots cannot depend
 * on orders, so the same limits are stated here and a test keeps them equal): a window to list must pass them too.
 */
public final class Bookable {

	public static final Duration MIN_LENGTH = Duration.ofHours(1);
	public static final Duration MAX_LENGTH = Duration.ofHours(24);
	public static final Duration MAX_AHEAD = Duration.ofDays(30);

	private Bookable() {
	}

	public static boolean accepts(Window window, Instant now) {
		return window.start().isAfter(now) && !window.start().isAfter(now.plus(MAX_AHEAD))
				&& window.length().compareTo(MIN_LENGTH) >= 0 && window.length().compareTo(MAX_LENGTH) <= 0;
	}
}
