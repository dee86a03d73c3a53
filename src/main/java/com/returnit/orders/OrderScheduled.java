package com.returnit.orders;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A return pickup was booked; {@code returnSessionId} when it was booked from a merchant's return link. Where the
 * pickup is ({@code lat}, {@code lng}) travels with it, so that dispatch need not read the order back; null only in
 * events stored before it did.
 */
public record OrderScheduled(UUID orderId, UUID merchantId, UUID customerId, Instant windowStart, Instant windowEnd,
		int itemCount, Instant occurredAt, @Nullable UUID returnSessionId, @Nullable Double lat,
		@Nullable Double lng) implements OrderEvent {

	public OrderScheduled(UUID orderId, UUID merchantId, UUID customerId, Instant windowStart, Instant windowEnd,
			int itemCount, Instant occurredAt, @Nullable UUID returnSessionId) {
		this(orderId, merchantId, customerId, windowStart, windowEnd, itemCount, occurredAt, returnSessionId, null, null);
	}

	public OrderScheduled(UUID orderId, UUID merchantId, UUID customerId, Instant windowStart, Instant windowEnd,
			int itemCount, Instant occurredAt) {
		this(orderId, merchantId, customerId, windowStart, windowEnd, itemCount, occurredAt, null);
	}
}
