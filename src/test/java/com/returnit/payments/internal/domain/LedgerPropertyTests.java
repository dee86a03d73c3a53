package com.returnit.payments.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.orders.internal.domain.LateFee;
import com.returnit.orders.internal.domain.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random sequences of book, cancel, pick up and refund over a few orders, applied as the service applies them
 * (state machine, refund rule, postings): the books always balance and no order is refunded more than captured.
 */
class LedgerPropertyTests {

	private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");
	/** Late cancellations cost 5.00 from 2 hours before the window, by the orders' rule (LateFee). */
	private static final long LATE_FEE_CENTS = 500;

	enum Action {
		BOOK, CANCEL, PICK_UP, REFUND
	}

	record Step(Action action, int order, long amount, int minutes) {
	}

	@Property(tries = 300)
	void theLedgerBalancesAndNoOrderIsRefundedMoreThanCaptured(@ForAll("sequences") List<Step> steps) {
		Map<Integer, Payment> payments = new HashMap<>();
		Map<Integer, Instant> windows = new HashMap<>();
		List<JournalEntry> journal = new ArrayList<>();
		Instant now = START;
		for (Step step : steps) {
			now = now.plus(Duration.ofMinutes(step.minutes()));
			Payment payment = payments.get(step.order());
			switch (step.action()) {
				case BOOK -> {
					if (payment == null) {
						Payment booked = PaymentStateMachineTests.payment(step.amount());
						booked.authorized("pi_" + step.order(), now);
						payments.put(step.order(), booked);
						windows.put(step.order(), now.plus(Duration.ofHours(3)));
					}
				}
				case CANCEL -> {
					if (payment != null && payment.status() == PaymentStatus.AUTHORIZED) {
						long fee = LateFee.of(LATE_FEE_CENTS, new Money(payment.terms().amountCents(), "EUR"),
								windows.get(step.order()).minus(Duration.ofHours(2))).feeAt(now);
						if (fee > 0) {
							capture(payment, fee, now, journal);
						}
						else {
							payment.voided(now);
						}
					}
				}
				case PICK_UP -> {
					if (payment != null && payment.status() == PaymentStatus.AUTHORIZED) {
						capture(payment, payment.terms().amountCents(), now, journal);
					}
				}
				case REFUND -> {
					if (payment != null && Refunds.refusal(payment, step.amount(), 0) == null) {
						payment.refunded(step.amount(), now);
						journal.add(Postings.refund(UUID.randomUUID(), UUID.randomUUID(), payment.terms().orderId(),
								payment.terms().customerId(), step.amount(), "EUR", now));
					}
				}
			}
		}
		assertThat(journal.stream().flatMap(e -> e.lines().stream()).mapToLong(JournalEntry.Line::amountCents).sum())
			.isZero();
		payments.values().forEach(p -> assertThat(p.refundedCents()).isBetween(0L, p.capturedCents()));
		long revenue = -journal.stream().flatMap(e -> e.lines().stream())
			.filter(l -> l.account().equals(Account.PLATFORM_REVENUE)).mapToLong(JournalEntry.Line::amountCents).sum();
		assertThat(revenue).isEqualTo(payments.values().stream().mapToLong(Payment::capturedCents).sum());
	}

	private static void capture(Payment payment, long amount, Instant now, List<JournalEntry> journal) {
		payment.captured(amount, now);
		journal.add(Postings.capture(UUID.randomUUID(), UUID.randomUUID(), payment.terms().orderId(),
				payment.terms().customerId(), amount, amount * 140 / 10_000 + 25, "EUR", now));
	}

	@Provide
	Arbitrary<List<Step>> sequences() {
		Arbitrary<Step> step = Combinators.combine(Arbitraries.of(Action.class), Arbitraries.integers().between(0, 4),
				Arbitraries.longs().between(1, 5_000), Arbitraries.integers().between(0, 90)).as(Step::new);
		return step.list().ofMinSize(1).ofMaxSize(60);
	}
}
