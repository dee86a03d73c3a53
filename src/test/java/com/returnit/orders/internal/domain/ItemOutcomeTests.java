package com.returnit.orders.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.orders.OrderPickedUp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What happened to each item at the door, and the customer's reasons travelling with the pickup event. */
class ItemOutcomeTests {

	private static final Instant NOW = Instant.parse("2030-01-07T09:00:00Z");

	@Test
	void everyItemIsPendingUntilTheDriverReportsIt() {
		Order order = enRoute();

		assertThat(order.itemOutcomes()).containsExactly(
				new ItemOutcome("JKT-1", "Rain jacket", ItemOutcome.Outcome.PENDING, null, null),
				new ItemOutcome("ITEM-2", "Wool scarf", ItemOutcome.Outcome.PENDING, null, null));
	}

	@Test
	void afterThePickupEachItemIsCollectedOrRefusedWithTheConditionAndNoteTheDriverGave() {
		Order order = enRoute();

		order.pickUp(new PickupProof(List.of(
				new PickupProof.ItemCheck("JKT-1", true, PickupProof.Condition.USED, null),
				new PickupProof.ItemCheck("ITEM-2", false, PickupProof.Condition.DAMAGED, "Moth holes")), "SEAL-1"), NOW);

		assertThat(order.itemOutcomes()).containsExactly(
				new ItemOutcome("JKT-1", "Rain jacket", ItemOutcome.Outcome.COLLECTED, "used", null),
				new ItemOutcome("ITEM-2", "Wool scarf", ItemOutcome.Outcome.REFUSED, "damaged", "Moth holes"));
		OrderPickedUp event = (OrderPickedUp) order.drainEvents().getLast();
		assertThat(event.items()).containsExactly(
				new OrderPickedUp.ItemVerification("JKT-1", true, "used", null, "wrong_size", "Too short in the arms"),
				new OrderPickedUp.ItemVerification("ITEM-2", false, "damaged", "Moth holes", null, null));
	}

	private static Order enRoute() {
		Instant start = NOW.plus(Duration.ofHours(1));
		Pickup pickup = new Pickup("Torstrasse 1, 10119 Berlin", 52.529, 13.401, start, start.plus(Duration.ofHours(2)));
		List<OrderItem> items = List.of(
				new OrderItem("JKT-1", "Rain jacket", "outerwear", NOW.minus(Duration.ofDays(7)), 12_900, null, true,
						ReturnReason.WRONG_SIZE, "Too short in the arms"),
				new OrderItem("ITEM-2", "Wool scarf", "accessories", NOW.minus(Duration.ofDays(7)), 2_900, null, true));
		Order.Booking booking = new Order.Booking(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), pickup, items,
				new Money(1_000, "EUR"), new LateFee(500, start.minus(Duration.ofHours(2))), 1, null);
		return Order.restore(booking, new Progress(OrderStatus.EN_ROUTE, UUID.randomUUID(), null, null, null, null),
				NOW.minus(Duration.ofDays(1)), NOW.minus(Duration.ofDays(1)), 2);
	}
}
