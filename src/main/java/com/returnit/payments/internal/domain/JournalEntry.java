package com.returnit.payments.internal.domain;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One money movement: lines over accounts whose amounts sum to zero in every currency. Never changed once posted; a
 * correction is a new entry. {@code (kind, reference)} names the movement, so posting it twice posts it once.
 */
public record JournalEntry(UUID id, String kind, String reference, @Nullable UUID orderId, Instant occurredAt,
		List<Line> lines) {

	/** One side of the movement: a debit (positive) or a credit (negative) in minor units. */
	public record Line(Account account, long amountCents, String currency) {

		public Line {
			if (amountCents == 0) {
				throw new IllegalArgumentException("a journal line moves money: zero is not allowed");
			}
			if (currency == null || currency.length() != 3) {
				throw new IllegalArgumentException("currency must be an ISO-4217 code");
			}
		}
	}

	public JournalEntry {
		lines = List.copyOf(lines);
		if (lines.size() < 2) {
			throw new IllegalArgumentException("a journal entry has at least two lines");
		}
		Map<String, Long> sums = new HashMap<>();
		lines.forEach(line -> sums.merge(line.currency(), line.amountCents(), Math::addExact));
		sums.forEach((currency, sum) -> {
			if (sum != 0) {
				throw new IllegalArgumentException("entry " + kind + " " + reference + " is off by " + sum + " " + currency);
			}
		});
	}
}
