package com.returnit.payments;

import java.time.Instant;
import java.util.UUID;

/** The provider refunded (part of) a captured payment. */
public record RefundCreated(UUID refundId, UUID paymentId, UUID orderId, UUID merchantId, long amountCents,
		String currency, Instant occurredAt) {
}
