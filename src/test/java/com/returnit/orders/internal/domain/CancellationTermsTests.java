package com.returnit.orders.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The order states its cancellation terms for an instant: the late fee from its appliesFrom on, 0 before. */
class CancellationTermsTests {

	private static final Instant WINDOW = Instant.parse("2030-01-07T10:00:00Z");
	private static final Instant FEE_FROM = WINDOW.minus(Duration.ofHours(2));

	@ParameterizedTest(name = "{0} before the fee applies: {1} cents")
	@CsvSource({ "PT3H, 0", "PT0.001S, 0", "PT0S, 500", "-PT1M, 500", "-PT2H, 500" })
	void theFeeAppliesFromItsInstantOnExactly(Duration beforeFeeFrom, long feeCents) {
		Order order = in(OrderStatus.SCHEDULED);

		CancellationTerms terms = order.cancellationTerms(FEE_FROM.minus(beforeFeeFrom));

		assertThat(terms).isEqualTo(new CancellationTerms(true, feeCents, "EUR", FEE_FROM, null));
		assertThat(terms.feeCents()).as("what payments charge at that instant")
			.isEqualTo(order.booking().lateFee().feeAt(FEE_FROM.minus(beforeFeeFrom)));
	}

	@ParameterizedTest
	@EnumSource(value = OrderStatus.class, names = { "ASSIGNED", "EN_ROUTE" })
	void anOrderWithADriverOnItCanStillBeCancelled(OrderStatus status) {
		assertThat(in(status).cancellationTerms(FEE_FROM.plusSeconds(1)).cancellable()).isTrue();
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource({ "PICKED_UP, already picked up", "DELIVERED, already picked up", "CANCELLED, already cancelled",
			"FAILED, the pickup failed" })
	void anOrderPastItsPickupCannotBeCancelledAndSaysWhy(OrderStatus status, String reason) {
		CancellationTerms terms = in(status).cancellationTerms(FEE_FROM.plusSeconds(1));

		assertThat(terms).isEqualTo(new CancellationTerms(false, 0, "EUR", FEE_FROM, reason));
	}

	private static Order in(OrderStatus status) {
		Pickup pickup = new Pickup("Torstrasse 1, 10119 Berlin", 52.529, 13.401, WINDOW, WINDOW.plus(Duration.ofHours(2)));
		OrderItem item = new OrderItem("SKU-1", "A jacket", "outerwear", WINDOW.minus(Duration.ofDays(9)), 9_900, null,
				true);
		Order.Booking booking = new Order.Booking(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), pickup,
				List.of(item), new Money(1_000, "EUR"), new LateFee(500, FEE_FROM), 1, null);
		return Order.restore(booking, new Progress(status, status == OrderStatus.SCHEDULED ? null : UUID.randomUUID(),
				null, null, null, null), WINDOW.minus(Duration.ofDays(1)), WINDOW.minus(Duration.ofDays(1)), 1);
	}
}
