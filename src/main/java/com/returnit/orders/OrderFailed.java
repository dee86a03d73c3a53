package com.returnit.orders;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The pickup could not happen: customer_absent, items_not_ready, unsafe or other. */
public record OrderFailed(UUID orderId, UUID merchantId, UUID customerId, String reason, @Nullable String note,
		Instant occurredAt) implements OrderEvent {
}
