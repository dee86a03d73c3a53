package com.returnit.payments;

import java.util.Optional;
import java.util.UUID;

/** What a driver would earn for an order, by the rates the ledger books a completed pickup with. */
public interface DriverEarnings {

	/** Earnings in minor units of {@code currency}. */
	record Estimate(long amountCents, String currency) {
	}

	/** The earning for collecting every item of the order; empty for an unknown order. */
	Optional<Estimate> estimate(UUID orderId);
}
