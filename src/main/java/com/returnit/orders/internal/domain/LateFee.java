package com.returnit.orders.internal.domain;

import java.time.Instant;

/**
 * The late-cancellation fee of one booking, fixed when it is quoted and booked: cancelling at or after
 * {@code appliesFrom} costs {@code feeCents} (minor units of the order's currency, never more than its price).
 */
public record LateFee(long feeCents, Instant appliesFrom) {

	public static LateFee of(long policyFeeCents, Money price, Instant appliesFrom) {
		return new LateFee(Math.min(policyFeeCents, price.amountCents()), appliesFrom);
	}

	/** What cancelling at {@code at} costs: nothing before {@code appliesFrom}, the fee from then on. */
	public long feeAt(Instant at) {
		return at.isBefore(appliesFrom) ? 0 : feeCents;
	}
}
