package com.returnit.orders;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The driver collected the items; each item's verification is reported, refused ones included. */
public record OrderPickedUp(UUID orderId, UUID merchantId, UUID customerId, UUID driverId,
		List<ItemVerification> items, @Nullable String bagSeal, Instant occurredAt) implements OrderEvent {

	/**
	 * One item as checked at the door: verified (collected) or refused, with its condition; {@code reason}
	 * ({@code wrong_size}, ...) and {@code reasonNote} are why the customer said they return it.
	 */
	public record ItemVerification(String sku, boolean verified, String condition, @Nullable String note,
			@Nullable String reason, @Nullable String reasonNote) {

		public ItemVerification(String sku, boolean verified, String condition, @Nullable String note) {
			this(sku, verified, condition, note, null, null);
		}
	}
}
