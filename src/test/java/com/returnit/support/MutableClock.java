package com.returnit.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock a test moves by hand, to let hours pass in seconds; it stands still in between. After
 * {@link #followRealTime()} it shows real time until it is next moved or set, so that what a test sets up first (an
 * operator's login with a one-time code, say) sees the time the codes were made for.
 */
public final class MutableClock extends Clock {

	/** The time shown; null while following real time. */
	private final AtomicReference<Instant> now;

	public MutableClock(Instant start) {
		this.now = new AtomicReference<>(start);
	}

	public void advance(Duration duration) {
		now.updateAndGet(t -> (t == null ? Instant.now() : t).plus(duration));
	}

	/** Sets the time, backwards too (only between tests). */
	public void set(Instant instant) {
		now.set(instant);
	}

	/** Shows real time until the clock is moved or set again. */
	public void followRealTime() {
		now.set(null);
	}

	/** Moves to {@code instant} unless the clock is already past it. */
	public void advanceTo(Instant instant) {
		now.updateAndGet(t -> {
			Instant current = t == null ? Instant.now() : t;
			return current.isBefore(instant) ? instant : current;
		});
	}

	@Override
	public Instant instant() {
		Instant shown = now.get();
		return shown == null ? Instant.now() : shown;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}
}
