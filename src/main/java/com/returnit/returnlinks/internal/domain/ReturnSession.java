package com.returnit.returnlinks.internal.domain;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A return a merchant prefilled for its customer, reachable by an unguessable link until it expires or is revoked.
 * One order may be booked from it; then it is used, and stays readable for the customer to follow that order.
 */
public record ReturnSession(UUID id, UUID merchantId, UUID customerId, Customer customer, String merchantOrderRef,
		List<Item> items, Instant expiresAt, @Nullable Instant revokedAt, @Nullable UUID orderId, Instant createdAt) {

	/** The customer as the merchant named them. */
	public record Customer(String name, String email, @Nullable String phone) {

		/** What a forwarded link may show: the first word of the name. */
		public String firstName() {
			String trimmed = name.strip();
			int space = trimmed.indexOf(' ');
			return space < 0 ? trimmed : trimmed.substring(0, space);
		}
	}

	/** An item of the merchant's order that the customer may return; {@code tagsAttached} null when not said. */
	public record Item(String sku, String description, String category, Instant purchasedAt, long valueCents,
			@Nullable Boolean tagsAttached) {
	}

	/** Where a session stands; used wins over revoked and expired, which it can no longer become. */
	public enum Status {
		OPEN, USED, EXPIRED, REVOKED;

		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}

		/** The status for this code; empty for an unknown code. */
		public static Optional<Status> of(String code) {
			for (Status status : values()) {
				if (status.code().equals(code)) {
					return Optional.of(status);
				}
			}
			return Optional.empty();
		}
	}

	public Status status(Instant now) {
		if (orderId != null) {
			return Status.USED;
		}
		if (revokedAt != null) {
			return Status.REVOKED;
		}
		return now.isBefore(expiresAt) ? Status.OPEN : Status.EXPIRED;
	}
}
