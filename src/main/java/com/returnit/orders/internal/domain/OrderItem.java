package com.returnit.orders.internal.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An item being returned, as the order records it; {@code sku} is unique within the order (the service names items
 * the customer gave none for {@code ITEM-<position>}). {@code reason} and {@code reasonNote} are the customer's.
 */
public record OrderItem(String sku, String description, String category, Instant purchasedAt, long valueCents,
		@Nullable String merchantOrderRef, boolean tagsAttached, @Nullable ReturnReason reason,
		@Nullable String reasonNote) {

	public OrderItem(String sku, String description, String category, Instant purchasedAt, long valueCents,
			@Nullable String merchantOrderRef, boolean tagsAttached) {
		this(sku, description, category, purchasedAt, valueCents, merchantOrderRef, tagsAttached, null, null);
	}
}
