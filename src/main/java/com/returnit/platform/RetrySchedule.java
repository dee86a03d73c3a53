package com.returnit.platform;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try again what leaves the process (webhooks, notifications): {@code delays.get(n)} after the n-th failed
 * attempt, spread by up to {@code jitter} (0.1 = plus or minus 10 %) so that retries of one outage do not arrive
 * together. Nothing after the last delay: the caller gives up and records it.
 */
public record RetrySchedule(List<Duration> delays, double jitter) {

	/** Immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h: ten attempts over about three days. */
	public static final RetrySchedule STANDARD = new RetrySchedule(List.of(Duration.ZERO, Duration.ofSeconds(5),
			Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5),
			Duration.ofHours(10), Duration.ofHours(14), Duration.ofHours(20), Duration.ofHours(24)), 0.1);

	public RetrySchedule {
		delays = List.copyOf(delays);
		if (delays.isEmpty() || jitter < 0 || jitter >= 1) {
			throw new IllegalArgumentException("a schedule needs at least one delay and a jitter in [0, 1)");
		}
	}

	/** How many attempts the schedule allows in all. */
	public int attempts() {
		return delays.size();
	}

	/** The wait before the next attempt after {@code failedAttempts} failures, or empty when it is time to give up. */
	public Optional<Duration> after(int failedAttempts, RandomGenerator random) {
		if (failedAttempts < 1 || failedAttempts >= delays.size()) {
			return Optional.empty();
		}
		Duration base = delays.get(failedAttempts);
		double factor = 1 + jitter * (2 * random.nextDouble() - 1);
		return Optional.of(Duration.ofMillis(Math.round(base.toMillis() * factor)));
	}
}
