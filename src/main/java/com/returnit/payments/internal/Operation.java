package com.returnit.payments.internal;

import com.returnit.payments.internal.domain.OperationKind;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One provider call for a payment, as recorded in {@code payment_operations}: queued (waiting, retried on a
 * backoff), in_flight (being called; a crash leaves it so, for the reconciler), then succeeded, declined or cancelled.
 */
record Operation(UUID id, UUID paymentId, OperationKind kind, long amountCents, String idempotencyKey, String status,
		int attempts, @Nullable String providerRef, @Nullable String reason, Instant createdAt) {

	/** The key is the payment and the operation: the same call, however often it is retried, from whichever node. */
	static String keyFor(UUID paymentId, OperationKind kind, @Nullable String discriminator) {
		return "returnit:" + paymentId + ":" + kind.code() + (discriminator == null ? "" : ":" + discriminator);
	}
}
