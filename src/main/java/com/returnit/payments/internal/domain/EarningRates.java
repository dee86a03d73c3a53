package com.returnit.payments.internal.domain;

/** A driver's pay for one completed pickup: a base, plus per item collected, plus per km to the merchant's hub. */
public record EarningRates(long baseCents, long perItemCents, long perKmCents, String currency) {

	public EarningRates {
		if (baseCents < 0 || perItemCents < 0 || perKmCents < 0) {
			throw new IllegalArgumentException("earning rates must not be negative");
		}
	}

	public long earningFor(int itemsCollected, double km) {
		return baseCents + perItemCents * Math.max(0, itemsCollected) + Math.round(perKmCents * Math.max(0, km));
	}
}
