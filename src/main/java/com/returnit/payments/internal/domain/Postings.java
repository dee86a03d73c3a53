package com.returnit.payments.internal.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The journal entry of each kind of money movement ReturnIt makes (ADR 0011 lists the accounts). */
public final class Postings {

	private Postings() {
	}

	/** The customer paid {@code amount}; the provider kept {@code fee} of it. */
	public static JournalEntry capture(UUID entryId, UUID operationId, UUID orderId, UUID customerId, long amount,
			long fee, String currency, Instant at) {
		List<JournalEntry.Line> lines = new ArrayList<>(List.of(
				new JournalEntry.Line(Account.customer(customerId), amount, currency),
				new JournalEntry.Line(Account.PLATFORM_REVENUE, -amount, currency)));
		if (fee > 0) {
			lines.add(new JournalEntry.Line(Account.PROVIDER_FEES, fee, currency));
			lines.add(new JournalEntry.Line(Account.customer(customerId), -fee, currency));
		}
		return new JournalEntry(entryId, "capture", operationId.toString(), orderId, at, lines);
	}

	/** Money given back to the customer. */
	public static JournalEntry refund(UUID entryId, UUID operationId, UUID orderId, UUID customerId, long amount,
			String currency, Instant at) {
		return new JournalEntry(entryId, "refund", operationId.toString(), orderId, at, List.of(
				new JournalEntry.Line(Account.REFUNDS, amount, currency),
				new JournalEntry.Line(Account.customer(customerId), -amount, currency)));
	}

	/** A pickup (or a late cancellation, {@code kind} late_cancellation) billed to the merchant's statement. */
	public static JournalEntry merchantCharge(UUID entryId, String kind, UUID orderId, UUID merchantId, long amount,
			String currency, Instant at) {
		return new JournalEntry(entryId, kind, orderId.toString(), orderId, at, List.of(
				new JournalEntry.Line(Account.merchantReceivable(merchantId), amount, currency),
				new JournalEntry.Line(Account.PLATFORM_REVENUE, -amount, currency)));
	}

	/** What the driver earned for one completed pickup. */
	public static JournalEntry driverEarning(UUID entryId, UUID orderId, UUID driverId, long amount, String currency,
			Instant at) {
		return new JournalEntry(entryId, "driver_earning", orderId.toString(), orderId, at, List.of(
				new JournalEntry.Line(Account.DRIVER_EARNINGS, amount, currency),
				new JournalEntry.Line(Account.driverPayable(driverId), -amount, currency)));
	}

	/** The driver's payable balance paid out of ReturnIt's cash. */
	public static JournalEntry payout(UUID entryId, UUID payoutId, UUID driverId, long amount, String currency,
			Instant at) {
		return new JournalEntry(entryId, "payout", payoutId.toString(), null, at, List.of(
				new JournalEntry.Line(Account.driverPayable(driverId), amount, currency),
				new JournalEntry.Line(Account.PLATFORM_CASH, -amount, currency)));
	}
}
