package com.returnit.tracking.internal.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * One location fix as a driver's phone reported it; the optional readings are stored as sent. The time is kept to the
 * microsecond, as PostgreSQL stores it: a fix held in memory is then the same fix as the one read back, and is never
 * taken for a newer one (a phone sending nanoseconds had each position streamed twice, a second apart).
 */
public record Ping(double lat, double lng, Instant recordedAt, @Nullable Double accuracyM, @Nullable Double speedMps,
		@Nullable Double headingDeg) {

	public Ping {
		recordedAt = recordedAt.truncatedTo(ChronoUnit.MICROS);
	}
}
