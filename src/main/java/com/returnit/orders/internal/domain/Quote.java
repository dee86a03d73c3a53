package com.returnit.orders.internal.domain;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A priced eligibility answer; booking from it keeps its price until it expires, and it can be booked once.
 * {@code breakdown} is null for quotes made before breakdowns were kept.
 */
public record Quote(UUID id, String owner, ReturnRequest request, boolean eligible, Money price,
		@Nullable PriceBreakdown breakdown, @Nullable LateFee lateFee, int policyVersion, Instant expiresAt,
		@Nullable Instant usedAt, Instant createdAt) {

	public boolean expiredAt(Instant now) {
		return !now.isBefore(expiresAt);
	}
}
