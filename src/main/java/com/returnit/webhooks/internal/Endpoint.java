package com.returnit.webhooks.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A merchant's webhook endpoint as stored. */
record Endpoint(UUID id, UUID merchantId, String url, List<String> events, @Nullable String description,
		String secret, @Nullable String previousSecret, @Nullable Instant previousSecretExpiresAt, Status status,
		@Nullable String disabledReason, @Nullable Instant failingSince, Instant createdAt, Instant updatedAt) {

	/**
	 * Enabled endpoints get deliveries; a paused one (the merchant's choice) gets them queued and held until it is
	 * enabled again; a disabled one (410 Gone, or failing too long) gets none.
	 */
	enum Status {
		ENABLED, PAUSED, DISABLED;

		String code() {
			return name().toLowerCase(Locale.ROOT);
		}

		static Status of(String code) {
			return valueOf(code.toUpperCase(Locale.ROOT));
		}
	}

	boolean enabled() {
		return status == Status.ENABLED;
	}

	/** Whether new events are queued for it: when enabled, and when paused (held until it resumes). */
	boolean queues() {
		return status != Status.DISABLED;
	}

	/** The secrets that sign now: the current one, and a rotated-out one until its overlap ends. */
	List<String> signingSecrets(Instant now) {
		List<String> secrets = new ArrayList<>(List.of(secret));
		if (previousSecret != null && previousSecretExpiresAt != null && now.isBefore(previousSecretExpiresAt)) {
			secrets.add(previousSecret);
		}
		return secrets;
	}

	/** The rotated-out secret while it still signs, else null. */
	@Nullable String livePreviousSecret(Instant now) {
		return previousSecretExpiresAt != null && now.isBefore(previousSecretExpiresAt) ? previousSecret : null;
	}

	boolean wants(String type) {
		return events.contains("*") || events.contains(type);
	}
}
