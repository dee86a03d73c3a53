package com.returnit.payments.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LedgerTests {

	private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

	@Test
	void anUnbalancedEntryIsRefused() {
		assertThatThrownBy(() -> new JournalEntry(UUID.randomUUID(), "x", "1", null, NOW, List.of(
				new JournalEntry.Line(Account.PLATFORM_REVENUE, -100, "EUR"),
				new JournalEntry.Line(Account.PLATFORM_CASH, 99, "EUR"))))
			.hasMessageContaining("off by -1 EUR");
	}

	@Test
	void anEntryBalancesInEachCurrencySeparately() {
		assertThatThrownBy(() -> new JournalEntry(UUID.randomUUID(), "x", "1", null, NOW, List.of(
				new JournalEntry.Line(Account.PLATFORM_REVENUE, -100, "EUR"),
				new JournalEntry.Line(Account.PLATFORM_CASH, 100, "USD"))))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aCaptureWithAFeeCreditsRevenueWithTheWholeAmountAndBooksTheFee() {
		UUID customer = UUID.randomUUID();
		JournalEntry capture = Postings.capture(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), customer,
				1_000, 39, "EUR", NOW);

		assertThat(capture.lines()).extracting(JournalEntry.Line::account, JournalEntry.Line::amountCents)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(Account.customer(customer), 1_000L),
					org.assertj.core.groups.Tuple.tuple(Account.PLATFORM_REVENUE, -1_000L),
					org.assertj.core.groups.Tuple.tuple(Account.PROVIDER_FEES, 39L),
					org.assertj.core.groups.Tuple.tuple(Account.customer(customer), -39L));
	}

	@Test
	void aDriverEarnsABasePlusPerItemPlusPerKm() {
		EarningRates rates = new EarningRates(300, 50, 40, "EUR");

		assertThat(rates.earningFor(2, 2.5)).isEqualTo(300 + 100 + 100);
	}
}
