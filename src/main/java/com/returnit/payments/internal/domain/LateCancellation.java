package com.returnit.payments.internal.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * The terms an order was booked with (its merchant's policy): a cancellation less than {@code within} before the
 * window starts costs {@code feeCents}.
 */
public record LateCancellation(Duration within, long feeCents) {

	public boolean isLate(Instant cancelledAt, Instant windowStart) {
		return feeCents > 0 && !cancelledAt.isBefore(windowStart.minus(within));
	}

	/** The fee for this order: never more than the order itself cost. */
	public long feeFor(long orderAmountCents) {
		return Math.min(feeCents, orderAmountCents);
	}
}
