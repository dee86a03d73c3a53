package com.returnit.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer signed up or asked to verify their email: email them {@code link}, which proves they read that mailbox,
 * until {@code expiresAt}. {@code requestId} is unique per request.
 */
public record EmailVerificationRequested(UUID requestId, UUID accountId, String email, String name, String link,
		Instant expiresAt) {
}
