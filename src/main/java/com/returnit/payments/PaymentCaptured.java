package com.returnit.payments;

import java.time.Instant;
import java.util.UUID;

/** The provider captured a customer's payment for an order (at pickup, or a late-cancellation fee). */
public record PaymentCaptured(UUID paymentId, UUID orderId, UUID merchantId, long amountCents, String currency,
		Instant occurredAt) {
}
