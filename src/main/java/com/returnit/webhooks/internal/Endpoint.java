package com.returnit.webhooks.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A merchant's webhook endpoint as stored. */
record Endpoint(UUID id, UUID merchantId, String url, List<String> events, @Nullable String description,
		String secret, @Nullable String previousSecret, @Nullable Instant previousSecretExpiresAt, boolean enabled,
		@Nullable String disabledReason, @Nullable Instant failingSince, Instant createdAt, Instant updatedAt) {

	/** The secrets that sign now: the current one, and a rotated-out one until its overlap ends. */
	List<String> signingSecrets(Instant now) {
		List<String> secrets = new ArrayList<>(List.of(secret));
		if (previousSecret != null && previousSecretExpiresAt != null && now.isBefore(previousSecretExpiresAt)) {
			secrets.add(previousSecret);
		}
		return secrets;
	}

	boolean wants(String type) {
		return events.contains("*") || events.contains(type);
	}
}
