package com.returnit.load;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Prints the burst's progress every few seconds while it runs: bookings accepted so far, the rate over the last
 * interval and overall, retries and refusals by status, and when the rest would be done at the recent rate.
 */
final class Progress implements AutoCloseable {

	private final Ledger ledger;

	private final int bookings;

	private final Duration every;

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "burst-progress");
		thread.setDaemon(true);
		return thread;
	});

	private long startedAt;

	private long lastAt;

	private long lastAccepted;

	Progress(Ledger ledger, int bookings, Duration every) {
		this.ledger = ledger;
		this.bookings = bookings;
		this.every = every;
	}

	void start() {
		startedAt = System.nanoTime();
		lastAt = startedAt;
		timer.scheduleAtFixedRate(this::print, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Seconds since {@link #start()}. */
	double seconds() {
		return Math.max(0.001, (System.nanoTime() - startedAt) / 1e9);
	}

	private void print() {
		long now = System.nanoTime();
		long accepted = ledger.accepted();
		double recent = (accepted - lastAccepted) / Math.max(0.001, (now - lastAt) / 1e9);
		lastAt = now;
		lastAccepted = accepted;
		String left = recent > 0 ? "%.0f s left at that rate".formatted((bookings - accepted) / recent) : "stalled";
		System.out.printf("burst %5.0f s: %,d of %,d bookings accepted (%.1f/s last %d s, %.1f/s overall), "
				+ "%,d retries (429: %,d, 503: %,d, no answer: %,d), %,d given up, %s%n", seconds(), accepted, bookings,
				recent, every.toSeconds(), accepted / seconds(), ledger.retries.get(), ledger.refused(429),
				ledger.refused(503), ledger.refused(0), ledger.gaveUp.get(), left);
	}

	@Override
	public void close() {
		timer.shutdownNow();
	}
}
