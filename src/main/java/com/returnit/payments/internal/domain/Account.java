package com.returnit.payments.internal.domain;

import java.util.UUID;

/**
 * A ledger account. Debits are positive, credits negative; an account's balance is the sum of its lines. Accounts of
 * one person or merchant carry its id: {@code customer:<id>}, {@code merchant_receivable:<id>},
 * {@code driver_payable:<id>}.
 */
public record Account(String name) {

	public static final Account PLATFORM_REVENUE = new Account("platform_revenue");
	public static final Account PROVIDER_FEES = new Account("provider_fees");
	public static final Account REFUNDS = new Account("refunds");
	public static final Account DRIVER_EARNINGS = new Account("driver_earnings");
	public static final Account PLATFORM_CASH = new Account("platform_cash");

	public Account {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("an account needs a name");
		}
	}

	/** What the customer paid through the provider, net of fees withheld and refunds given back. */
	public static Account customer(UUID customerId) {
		return new Account("customer:" + customerId);
	}

	/** What the merchant owes for pickups on its monthly statement. */
	public static Account merchantReceivable(UUID merchantId) {
		return new Account("merchant_receivable:" + merchantId);
	}

	/** What ReturnIt owes the driver until the next payout. */
	public static Account driverPayable(UUID driverId) {
		return new Account("driver_payable:" + driverId);
	}
}
