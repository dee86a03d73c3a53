package com.returnit.merchants;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A retailer connected to ReturnIt, with its hubs and who pays for its pickups; {@code logoUrl} is an https URL or a
 * path on the web app's origin (the logo the merchant uploaded: {@code /v1/merchants/{id}/logo?v=...}),
 * {@code brandColor} a {@code #rrggbb} colour; both are shown to its customers.
 */
public record Merchant(UUID id, String name, List<Hub> hubs, Instant createdAt, Billing billing,
		@Nullable String logoUrl, @Nullable String brandColor) {

	public Merchant(UUID id, String name, List<Hub> hubs, Instant createdAt, Billing billing,
			@Nullable String logoUrl) {
		this(id, name, hubs, createdAt, billing, logoUrl, null);
	}

	public Merchant(UUID id, String name, List<Hub> hubs, Instant createdAt, Billing billing) {
		this(id, name, hubs, createdAt, billing, null, null);
	}

	public Merchant(UUID id, String name, List<Hub> hubs, Instant createdAt) {
		this(id, name, hubs, createdAt, Billing.MERCHANT_PAYS, null, null);
	}
}
