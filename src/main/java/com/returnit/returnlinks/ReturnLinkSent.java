package com.returnit.returnlinks;

import java.time.Instant;
import java.util.UUID;

/**
 * A merchant asked for a return link to be emailed to its customer: {@code link} opens the return until
 * {@code expiresAt}. Published once, when the session is made, as only then is its token known.
 */
public record ReturnLinkSent(UUID sessionId, UUID merchantId, String merchantName, UUID customerId,
		String customerName, String email, String merchantOrderRef, String link, Instant expiresAt) {
}
