package com.returnit.push.internal;

import java.time.Instant;
import java.util.UUID;

/** A browser's push subscription of one driver; {@code p256dh} and {@code auth} in base64url. */
record Subscription(UUID id, UUID driverId, String endpoint, String p256dh, String auth, Instant createdAt) {
}
