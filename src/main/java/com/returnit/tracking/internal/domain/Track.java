package com.returnit.tracking.internal.domain;

import com.returnit.platform.Geo;
import com.returnit.tracking.Position;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One driver's path as pings arrive: each ping is compared with the previous fix that was believed (the stored latest
 * position, then each unflagged ping in arrival order). A ping implying a speed above the limit is a jump: it is kept
 * but flagged, and never becomes the latest position.
 */
public final class Track {

	/** Fixes closer in time than this count as this far apart, so two fixes in one second are not infinitely fast. */
	private static final double MIN_SECONDS = 1.0;

	private final UUID driverId;
	private final double maxSpeedMps;
	private @Nullable Position previous;
	private @Nullable Position latest;
	private boolean moved;

	public Track(UUID driverId, @Nullable Position stored, double maxSpeedMps) {
		this.driverId = driverId;
		this.maxSpeedMps = maxSpeedMps;
		this.previous = stored;
		this.latest = stored;
	}

	/** Takes the next ping and answers whether it is flagged as a jump. */
	public boolean flagsJump(Ping ping) {
		Position fix = new Position(driverId, ping.lat(), ping.lng(), ping.recordedAt());
		if (previous != null && impliedSpeedMps(previous, fix) > maxSpeedMps) {
			return true;
		}
		previous = fix;
		if (latest == null || fix.recordedAt().isAfter(latest.recordedAt())) {
			latest = fix;
			moved = true;
		}
		return false;
	}

	/** The new latest position, if the pings moved it. */
	public Optional<Position> movedTo() {
		return moved ? Optional.ofNullable(latest) : Optional.empty();
	}

	static double impliedSpeedMps(Position from, Position to) {
		double meters = Geo.distanceKm(from.lat(), from.lng(), to.lat(), to.lng()) * 1000;
		double seconds = Math.abs(Duration.between(from.recordedAt(), to.recordedAt()).toMillis()) / 1000.0;
		return meters / Math.max(MIN_SECONDS, seconds);
	}
}
