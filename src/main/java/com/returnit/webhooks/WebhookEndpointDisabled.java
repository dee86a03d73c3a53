package com.returnit.webhooks;

import java.time.Instant;
import java.util.UUID;

/**
 * A webhook endpoint was switched off: it answered 410 Gone, or every delivery to it failed for the configured
 * time (5 days). Operators are told; the merchant re-enables it by updating it.
 */
public record WebhookEndpointDisabled(UUID endpointId, UUID merchantId, String url, String reason,
		Instant occurredAt) {
}
