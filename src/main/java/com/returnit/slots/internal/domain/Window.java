package com.returnit.slots.internal.domain;

import java.time.Duration;
import java.time.Instant;

/** One pickup window: from {@code start} (inclusive) to {@code end}. */
public record Window(Instant start, Instant end) {

	public Duration length() {
		return Duration.between(start, end);
	}
}
