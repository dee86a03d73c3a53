package com.returnit.policy;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One item a customer wants to send back. */
public record ReturnItem(String sku, String description, String category, Instant purchasedAt, long valueCents,
		@Nullable String merchantOrderRef, boolean tagsAttached) {
}
