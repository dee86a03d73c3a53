package com.returnit.orders;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A return pickup was booked; {@code returnSessionId} when it was booked from a merchant's return link. */
public record OrderScheduled(UUID orderId, UUID merchantId, UUID customerId, Instant windowStart, Instant windowEnd,
		int itemCount, Instant occurredAt, @Nullable UUID returnSessionId) implements OrderEvent {

	public OrderScheduled(UUID orderId, UUID merchantId, UUID customerId, Instant windowStart, Instant windowEnd,
			int itemCount, Instant occurredAt) {
		this(orderId, merchantId, customerId, windowStart, windowEnd, itemCount, occurredAt, null);
	}
}
