package com.returnit.payments;

import java.time.Instant;
import java.util.UUID;

/** The provider declined to authorize or capture a customer's payment for an order. */
public record PaymentFailed(UUID paymentId, UUID orderId, UUID merchantId, String operation, String code,
		String message, Instant occurredAt) {
}
