package com.returnit.orders.internal.domain;

/** Price = base + per item + per km from the pickup to the nearest hub, rounded to the cent. */
public record Pricing(long baseCents, long perItemCents, long perKmCents, String currency) {

	public Money price(int itemCount, double kmToNearestHub) {
		long distanceCents = Math.round(kmToNearestHub * perKmCents);
		return new Money(baseCents + perItemCents * itemCount + distanceCents, currency);
	}
}
