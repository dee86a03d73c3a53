package com.returnit.tracking.internal.domain;

import com.returnit.platform.FieldError;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a batch of pings must satisfy to be stored. Every broken rule of every ping is reported, named by its JSON path
 * ({@code pings[3].lat}), so a client fixes everything in one round.
 */
public final class PingRules {

	public static final int MAX_PINGS = 100;
	static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(1);

	private final Duration retention;

	public PingRules(Duration retention) {
		this.retention = retention;
	}

	public List<FieldError> violations(List<Ping> pings, Instant now) {
		List<FieldError> errors = new ArrayList<>();
		if (pings.isEmpty() || pings.size() > MAX_PINGS) {
			errors.add(new FieldError("pings", "must hold 1 to " + MAX_PINGS + " pings"));
		}
		for (int i = 0; i < pings.size() && i < MAX_PINGS; i++) {
			check(pings.get(i), "pings[" + i + "].", now, errors);
		}
		return errors;
	}

	private void check(Ping ping, String at, Instant now, List<FieldError> errors) {
		range(ping.lat(), -90, 90, at + "lat", errors);
		range(ping.lng(), -180, 180, at + "lng", errors);
		range(ping.accuracyM(), 0, Double.MAX_VALUE, at + "accuracyM", errors);
		range(ping.speedMps(), 0, Double.MAX_VALUE, at + "speedMps", errors);
		range(ping.headingDeg(), 0, 360, at + "headingDeg", errors);
		if (ping.recordedAt().isAfter(now.plus(MAX_CLOCK_SKEW))) {
			errors.add(new FieldError(at + "recordedAt", "must not be more than 1 minute in the future"));
		}
		if (ping.recordedAt().isBefore(now.minus(retention))) {
			errors.add(new FieldError(at + "recordedAt", "must not be older than the retention of " + retention.toDays()
					+ " days"));
		}
	}

	private static void range(@Nullable Double value, double min, double max, String field, List<FieldError> errors) {
		if (value != null && !(value >= min && value <= max)) {
			errors.add(new FieldError(field, max == Double.MAX_VALUE ? "must be at least " + fmt(min)
					: "must be between " + fmt(min) + " and " + fmt(max)));
		}
	}

	private static String fmt(double value) {
		return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
	}
}
