package com.returnit.tracking.internal.domain;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A driver's working period; open while {@code endedAt} is null. */
public record Shift(UUID id, UUID driverId, Instant startedAt, @Nullable Instant endedAt) {

	public static Shift start(UUID id, UUID driverId, Instant at) {
		return new Shift(id, driverId, at, null);
	}

	public boolean open() {
		return endedAt == null;
	}

	/** Ends the shift; an ended shift cannot end again. */
	public Shift end(Instant at) {
		if (!open()) {
			throw new IllegalStateException("shift " + id + " has already ended");
		}
		return new Shift(id, driverId, startedAt, at.isBefore(startedAt) ? startedAt : at);
	}
}
