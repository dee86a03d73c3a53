package com.returnit.orders.internal.domain;

/** An amount in integer minor units (cents) of one currency. */
public record Money(long amountCents, String currency) {

	public Money {
		if (amountCents < 0) {
			throw new IllegalArgumentException("amount must not be negative");
		}
	}
}
