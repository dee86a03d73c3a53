package com.returnit.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock a test moves by hand, to let hours pass in seconds; it stands still in between. */
public final class MutableClock extends Clock {

	private final AtomicReference<Instant> now;

	public MutableClock(Instant start) {
		this.now = new AtomicReference<>(start);
	}

	public void advance(Duration duration) {
		now.updateAndGet(t -> t.plus(duration));
	}

	/** Sets the time, backwards too (only between tests). */
	public void set(Instant instant) {
		now.set(instant);
	}

	/** Moves to {@code instant} unless the clock is already past it. */
	public void advanceTo(Instant instant) {
		now.updateAndGet(t -> t.isBefore(instant) ? instant : t);
	}

	@Override
	public Instant instant() {
		return now.get();
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
