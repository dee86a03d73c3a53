package com.returnit.policy;

import java.time.Duration;
import java.time.Instant;

/**
 * What cancelling late costs under one version of a merchant's policy: {@code feeCents} (minor units of the order's
 * currency) when the order is cancelled less than {@code within} before its pickup window starts.
 */
public record LateCancellationTerms(int policyVersion, long feeCents, Duration within) {

	/** From this instant on, cancelling a pickup whose window starts at {@code windowStart} costs the fee. */
	public Instant appliesFrom(Instant windowStart) {
		return windowStart.minus(within);
	}
}
