package com.returnit.orders;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A customer's orders as their own data: for the export of everything kept about them. */
public interface CustomerOrders {

	/** One order with everything it says about the customer, and its history. */
	record OrderData(UUID id, UUID merchantId, String status, String pickupAddress, double pickupLat, double pickupLng,
			@Nullable String accessNotes, Instant windowStart, Instant windowEnd, List<Map<String, Object>> items, long amountCents, String currency,
			@Nullable String cancelReason, Instant createdAt, List<Map<String, Object>> history) {
	}

	List<OrderData> of(UUID customerId);

	/** True while an order still needs the pickup address: scheduled, assigned, en route or picked up. */
	default boolean hasOpenOrders(UUID customerId) {
		return openOrderCount(customerId) > 0;
	}

	/** How many of the customer's orders still need the pickup address (see {@link #hasOpenOrders}). */
	int openOrderCount(UUID customerId);
}
