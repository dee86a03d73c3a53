package com.returnit.orders;

import java.time.Instant;
import java.util.UUID;

/** A return pickup was booked. */
public record OrderScheduled(UUID orderId, UUID merchantId, UUID customerId, Instant windowStart, Instant windowEnd,
		int itemCount, Instant occurredAt) implements OrderEvent {
}
