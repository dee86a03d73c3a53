package com.returnit.push.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The JSON shapes of the push API. */
final class PushBodies {

	private PushBodies() {
	}

	/** What {@code PushSubscription.toJSON()} gives in the browser; {@code expirationTime} is accepted and ignored. */
	record SubscribeBody(@NotBlank @Size(max = 2048) String endpoint, @NotNull @Valid Keys keys,
			@Nullable Double expirationTime) {
	}

	record Keys(@NotBlank @Size(max = 200) String p256dh, @NotBlank @Size(max = 100) String auth) {
	}

	record SubscriptionView(UUID id, String endpoint, Instant createdAt) {

		static SubscriptionView of(Subscription subscription) {
			return new SubscriptionView(subscription.id(), subscription.endpoint(), subscription.createdAt());
		}
	}

	record SubscriptionList(List<SubscriptionView> data) {
	}

	record VapidPublicKey(String publicKey) {
	}
}
