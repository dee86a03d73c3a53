package com.returnit.dispatch.internal.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** An order waiting for a driver: where, how many parcels, when to dispatch it, and how often drivers passed. */
public record DispatchJob(UUID orderId, double lat, double lng, int itemCount, Instant windowStart,
		Instant dispatchAt, String status, int misses, Instant nextAttemptAt) {

	/** Dispatch starts a lead time before the window; an order booked inside the lead time goes out at once. */
	public static Instant dispatchTime(Instant windowStart, Duration leadTime, Instant now) {
		Instant planned = windowStart.minus(leadTime);
		return planned.isBefore(now) ? now : planned;
	}

	public boolean tooLateToFindADriver(Instant now) {
		return !now.isBefore(windowStart);
	}
}
