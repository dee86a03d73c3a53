package com.returnit.dispatch.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One offer of one order to one driver; offers are never deleted, so they are the audit trail of dispatch. */
record Offer(UUID id, UUID orderId, UUID driverId, String status, double distanceKm, Instant createdAt,
		Instant expiresAt, @Nullable Instant respondedAt) {
}
