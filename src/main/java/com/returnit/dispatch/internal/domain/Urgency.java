package com.returnit.dispatch.internal.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * How much closer a pickup window makes an order, in kilometres a driver may drive further for it: within the
 * horizon before the window starts (and after, when late), each minute nearer is worth {@code kmPerMinute}. With more
 * orders than drivers, a batch then serves the orders that cannot wait instead of always the nearest ones.
 *
 * @param horizon how long before its window an order starts to become urgent
 * @param kmPerMinute the extra distance a minute of urgency is worth
 */
public record Urgency(Duration horizon, double kmPerMinute) {

	/** Distance alone decides. */
	public static final Urgency NONE = new Urgency(Duration.ZERO, 0);

	public Urgency {
		if (horizon.isNegative() || kmPerMinute < 0) {
			throw new IllegalArgumentException("urgency must not be negative");
		}
	}

	/** The most any order can be worth: one whose window starts now or started already. */
	double maxBonusKm() {
		return kmPerMinute * horizon.toMinutes();
	}

	/** What this order's closeness to its window is worth now, between 0 and {@link #maxBonusKm()}. */
	double bonusKm(DispatchJob job, Instant now) {
		double minutesLeft = Duration.between(now, job.windowStart()).toSeconds() / 60.0;
		double urgentMinutes = Math.clamp(horizon.toMinutes() - minutesLeft, 0, horizon.toMinutes());
		return kmPerMinute * urgentMinutes;
	}
}
