package com.returnit.orders;

import java.time.Instant;
import java.util.UUID;

/** A pickup was cancelled before the items were collected. */
public record OrderCancelled(UUID orderId, UUID merchantId, UUID customerId, String reason, Instant occurredAt)
		implements OrderEvent {
}
