package com.returnit.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer without a password (made by a merchant's booking or return link) asked to claim their account: email
 * them {@code link}, which lets them set a password until {@code expiresAt}. {@code requestId} is unique per request.
 */
public record AccountClaimRequested(UUID requestId, UUID accountId, String email, String name, String link,
		Instant expiresAt) {
}
