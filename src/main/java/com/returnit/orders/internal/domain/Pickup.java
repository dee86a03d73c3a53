package com.returnit.orders.internal.domain;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where and when the driver collects the parcels, and how to get to the door ({@code accessNotes}: a door code, which
 * bell; shown to the driver with the job).
 */
public record Pickup(String address, double lat, double lng, Instant windowStart, Instant windowEnd,
		@Nullable String accessNotes) {

	public Pickup(String address, double lat, double lng, Instant windowStart, Instant windowEnd) {
		this(address, lat, lng, windowStart, windowEnd, null);
	}

	/** The same pickup with these notes, or with the ones it has when {@code notes} is null or blank. */
	public Pickup withAccessNotes(@Nullable String notes) {
		return notes == null || notes.isBlank() ? this
				: new Pickup(address, lat, lng, windowStart, windowEnd, notes.strip());
	}

	public Duration windowLength() {
		return Duration.between(windowStart, windowEnd);
	}
}
