package com.returnit.tracking;

import java.time.Instant;
import java.util.UUID;

/** A driver's last known fix. */
public record Position(UUID driverId, double lat, double lng, Instant recordedAt) {
}
