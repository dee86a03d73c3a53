package com.returnit.orders.internal.domain;

import java.time.Duration;
import java.time.Instant;

/** Where and when the driver collects the parcels. */
public record Pickup(String address, double lat, double lng, Instant windowStart, Instant windowEnd) {

	public Duration windowLength() {
		return Duration.between(windowStart, windowEnd);
	}
}
