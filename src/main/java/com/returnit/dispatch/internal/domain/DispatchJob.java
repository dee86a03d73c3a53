package com.returnit.dispatch.internal.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An order waiting for a driver: where, how many parcels, when to dispatch it, how often drivers passed, and the
 * service area of the pickup (none outside every area), which decides the dispatch mode per area.
 */
public record DispatchJob(UUID orderId, double lat, double lng, int itemCount, Instant windowStart,
		Instant dispatchAt, String status, int misses, Instant nextAttemptAt, @Nullable UUID serviceAreaId) {

	public DispatchJob(UUID orderId, double lat, double lng, int itemCount, Instant windowStart, Instant dispatchAt,
			String status, int misses, Instant nextAttemptAt) {
		this(orderId, lat, lng, itemCount, windowStart, dispatchAt, status, misses, nextAttemptAt, null);
	}

	/** Dispatch starts a lead time before the window; an order booked inside the lead time goes out at once. */
	public static Instant dispatchTime(Instant windowStart, Duration leadTime, Instant now) {
		Instant planned = windowStart.minus(leadTime);
		return planned.isBefore(now) ? now : planned;
	}

	public boolean tooLateToFindADriver(Instant now) {
		return !now.isBefore(windowStart);
	}
}
