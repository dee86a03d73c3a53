package com.returnit.orders.internal.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An item being returned, as the order records it. */
public record OrderItem(String sku, String description, String category, Instant purchasedAt, long valueCents,
		@Nullable String merchantOrderRef, boolean tagsAttached) {
}
