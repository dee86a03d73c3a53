package com.returnit.webhooks.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The JSON shapes of the webhook endpoints API. */
final class EndpointBodies {

	private EndpointBodies() {
	}

	record CreateBody(@NotBlank @Size(max = 2000) String url,
			@NotNull @Size(min = 1, max = 50) List<@NotBlank String> events, @Nullable @Size(max = 500) String description) {
	}

	/**
	 * Only the fields given change; {@code enabled: false} pauses the endpoint (deliveries wait), {@code enabled: true}
	 * resumes a paused one or re-enables a disabled one.
	 */
	record UpdateBody(@Nullable @Size(max = 2000) String url, @Nullable @Size(min = 1, max = 50) List<@NotBlank String> events,
			@Nullable @Size(max = 500) String description, @Nullable Boolean enabled) {
	}

	record RecoverBody(@NotNull Instant since) {
	}

	record EndpointView(UUID id, String url, List<String> events, @Nullable String description, String status,
			@Nullable String disabledReason, @Nullable Instant failingSince, Instant createdAt, Instant updatedAt,
			@Nullable String secret) {

		static EndpointView of(Endpoint e, @Nullable String secret) {
			return new EndpointView(e.id(), e.url(), e.events(), e.description(), e.status().code(),
					e.disabledReason(), e.failingSince(), e.createdAt(), e.updatedAt(), secret);
		}
	}

	record EndpointList(List<EndpointView> data) {
	}

	record DeliveryPage(List<DeliveryLog.Entry> data, boolean hasMore) {
	}

	record Recovered(int recovered) {
	}

	/** The signing secrets: the current one, and the rotated-out one while it still signs (null otherwise). */
	record SecretView(String secret, @Nullable String previousSecret, @Nullable Instant previousExpiresAt) {
	}

	/** A test event queued for one endpoint: its delivery shows in the delivery log. */
	record TestSent(UUID deliveryId, String event) {
	}
}
