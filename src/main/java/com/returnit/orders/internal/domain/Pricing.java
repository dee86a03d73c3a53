package com.returnit.orders.internal.domain;

/** Price = base + per item + per km from the pickup to the nearest hub, rounded to the cent. */
public record Pricing(long baseCents, long perItemCents, long perKmCents, String currency) {

	public Money price(int itemCount, double kmToNearestHub) {
		return breakdown(itemCount, kmToNearestHub).total();
	}

	/** The price in its parts, which add up to it exactly (only the distance part is rounded). */
	public PriceBreakdown breakdown(int itemCount, double kmToNearestHub) {
		long distanceCents = Math.round(kmToNearestHub * perKmCents);
		return new PriceBreakdown(baseCents, perItemCents * itemCount, distanceCents,
				Math.round(kmToNearestHub * 100) / 100.0, currency);
	}
}
