package com.returnit.merchants;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A retailer connected to ReturnIt, with its hubs and who pays for its pickups. */
public record Merchant(UUID id, String name, List<Hub> hubs, Instant createdAt, Billing billing) {

	public Merchant(UUID id, String name, List<Hub> hubs, Instant createdAt) {
		this(id, name, hubs, createdAt, Billing.MERCHANT_PAYS);
	}
}
