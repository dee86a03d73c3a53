package com.returnit.tracking.internal.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One location fix as a driver's phone reported it; the optional readings are stored as sent. */
public record Ping(double lat, double lng, Instant recordedAt, @Nullable Double accuracyM, @Nullable Double speedMps,
		@Nullable Double headingDeg) {
}
