package com.returnit.orders.internal.domain;

/**
 * What a price is made of, in minor units of {@code currency}: the base, the items, and the distance from the pickup
 * to the merchant's nearest hub ({@code distanceKm}, rounded to 10 m for showing; {@code distanceCents} is priced
 * from the exact distance). The parts add up to {@link #total()}.
 */
public record PriceBreakdown(long baseCents, long itemsCents, long distanceCents, double distanceKm,
		String currency) {

	public Money total() {
		return new Money(baseCents + itemsCents + distanceCents, currency);
	}
}
