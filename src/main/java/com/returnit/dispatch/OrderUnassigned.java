package com.returnit.dispatch;

import java.time.Instant;
import java.util.UUID;

/** No driver took the order: operators must step in. */
public record OrderUnassigned(UUID orderId, int misses, String reason, Instant occurredAt) {
}
