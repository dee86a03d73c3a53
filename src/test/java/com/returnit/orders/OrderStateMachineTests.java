package com.returnit.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.returnit.orders.internal.domain.Failure;
import com.returnit.orders.internal.domain.IllegalTransition;
import com.returnit.orders.internal.domain.PickupProof;
import com.returnit.orders.internal.domain.Progress;
import com.returnit.platform.FieldError;
import com.returnit.platform.InvalidInput;
import com.returnit.platform.Rejected;
import com.returnit.orders.internal.domain.LateFee;
import com.returnit.orders.internal.domain.Money;
import com.returnit.orders.internal.domain.Order;
import com.returnit.orders.internal.domain.OrderItem;
import com.returnit.orders.internal.domain.OrderStatus;
import com.returnit.orders.internal.domain.Pickup;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OrderStateMachineTests {

	private static final Instant BOOKED_AT = Instant.parse("2026-03-02T09:00:00Z");
	private static final Instant LATER = BOOKED_AT.plus(Duration.ofHours(26));
	private static final UUID DRIVER = UUID.fromString("00000000-0000-7000-8000-00000000d001");
	private static final UUID HUB = UUID.fromString("00000000-0000-7000-8000-0000000000b1");

	/** Everything that can be done to an order. */
	enum Action {
		ASSIGN((order, at) -> order.assign(DRIVER, at)),
		START_ROUTE(Order::startRoute),
		PICK_UP((order, at) -> order.pickUp(allVerified(), at)),
		DELIVER((order, at) -> order.deliver(HUB, at)),
		FAIL((order, at) -> order.fail(new Failure(Failure.Reason.CUSTOMER_ABSENT, "Nobody home"), at)),
		CANCEL((order, at) -> order.cancel("Changed my mind", at));

		private final BiConsumer<Order, Instant> change;

		Action(BiConsumer<Order, Instant> change) {
			this.change = change;
		}

		void applyTo(Order order, Instant at) {
			change.accept(order, at);
		}
	}

	/** The whole lifecycle: what each status allows, and where it leads. Anything not listed is refused. */
	private static final Map<OrderStatus, Map<Action, OrderStatus>> LEGAL = Map.of(
			OrderStatus.SCHEDULED, Map.of(Action.ASSIGN, OrderStatus.ASSIGNED, Action.CANCEL, OrderStatus.CANCELLED),
			OrderStatus.ASSIGNED, Map.of(Action.START_ROUTE, OrderStatus.EN_ROUTE, Action.FAIL, OrderStatus.FAILED,
					Action.CANCEL, OrderStatus.CANCELLED),
			OrderStatus.EN_ROUTE, Map.of(Action.PICK_UP, OrderStatus.PICKED_UP, Action.FAIL, OrderStatus.FAILED,
					Action.CANCEL, OrderStatus.CANCELLED),
			OrderStatus.PICKED_UP, Map.of(Action.DELIVER, OrderStatus.DELIVERED),
			OrderStatus.DELIVERED, Map.of(),
			OrderStatus.CANCELLED, Map.of(),
			OrderStatus.FAILED, Map.of());

	@Test
	void aScheduledOrderIsAssignedPutEnRoutePickedUpAndDeliveredAnnouncingEachStep() {
		Order order = Order.schedule(booking(), BOOKED_AT);
		order.assign(DRIVER, LATER);
		order.startRoute(LATER);
		order.pickUp(allVerified(), LATER);
		order.deliver(HUB, LATER);

		assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
		assertThat(order.driverId()).isEqualTo(DRIVER);
		assertThat(order.updatedAt()).isEqualTo(LATER);
		List<OrderEvent> events = order.drainEvents();
		assertThat(events.getFirst()).isInstanceOf(OrderScheduled.class);
		assertThat(events.subList(1, events.size()))
			.extracting(event -> event instanceof OrderStatusChanged changed ? changed.status()
					: event.getClass().getSimpleName())
			.containsExactly("assigned", "en_route", "OrderPickedUp", "delivered");
		assertThat(order.progress().hubId()).isEqualTo(HUB);
	}

	@Test
	void schedulingAnnouncesTheOrderWithItsWindowItemCountAndPlace() {
		Order.Booking booking = booking();

		Order order = Order.schedule(booking, BOOKED_AT);

		assertThat(order.status()).isEqualTo(OrderStatus.SCHEDULED);
		assertThat(order.createdAt()).isEqualTo(BOOKED_AT);
		assertThat(order.drainEvents()).containsExactly(new OrderScheduled(booking.id(), booking.merchantId(),
				booking.customerId(), booking.pickup().windowStart(), booking.pickup().windowEnd(), 2, BOOKED_AT, null,
				booking.pickup().lat(), booking.pickup().lng()));
	}

	@Test
	void cancellingRecordsTheReasonAndAnnouncesItWithTheReason() {
		Order order = Order.schedule(booking(), BOOKED_AT);
		order.drainEvents();

		order.cancel("Found a better fit", LATER);

		assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(order.cancelReason()).isEqualTo("Found a better fit");
		assertThat(order.drainEvents()).containsExactly(new OrderCancelled(order.id(), order.booking().merchantId(),
				order.booking().customerId(), "Found a better fit", LATER));
	}

	@Test
	void aStatusChangeAnnouncesTheNewStatusCode() {
		Order order = in(OrderStatus.ASSIGNED);

		order.startRoute(LATER);

		assertThat(order.drainEvents()).containsExactly(new OrderStatusChanged(order.id(),
				order.booking().merchantId(), order.booking().customerId(), "en_route", LATER));
	}

	@Test
	void aFailedPickupRecordsAndAnnouncesItsReason() {
		Order order = in(OrderStatus.EN_ROUTE);

		order.fail(new Failure(Failure.Reason.ITEMS_NOT_READY, "Still wearing them"), LATER);

		assertThat(order.progress().failure().reason()).isEqualTo(Failure.Reason.ITEMS_NOT_READY);
		assertThat(order.drainEvents()).containsExactly(new OrderFailed(order.id(), order.booking().merchantId(),
				order.booking().customerId(), "items_not_ready", "Still wearing them", LATER));
	}

	@Test
	void anItemThatFailsVerificationIsRefusedOnTheSpotAndReported() {
		Order order = in(OrderStatus.EN_ROUTE);
		var proof = new PickupProof(List.of(
				new PickupProof.ItemCheck("SKU-JACKET", true, PickupProof.Condition.USED, null),
				new PickupProof.ItemCheck("SKU-SHIRT", false, PickupProof.Condition.DAMAGED, "Torn sleeve")), "SEAL-7");

		order.pickUp(proof, LATER);

		assertThat(order.status()).isEqualTo(OrderStatus.PICKED_UP);
		assertThat(order.progress().proof().refused()).extracting(PickupProof.ItemCheck::sku).containsExactly("SKU-SHIRT");
		OrderPickedUp event = (OrderPickedUp) order.drainEvents().getFirst();
		assertThat(event.bagSeal()).isEqualTo("SEAL-7");
		assertThat(event.items()).containsExactly(
				new OrderPickedUp.ItemVerification("SKU-JACKET", true, "used", null),
				new OrderPickedUp.ItemVerification("SKU-SHIRT", false, "damaged", "Torn sleeve"));
	}

	@Test
	void whenNoItemPassesVerificationNothingIsPickedUp() {
		Order order = in(OrderStatus.EN_ROUTE);
		var proof = new PickupProof(List.of(
				new PickupProof.ItemCheck("SKU-JACKET", false, PickupProof.Condition.DAMAGED, null),
				new PickupProof.ItemCheck("SKU-SHIRT", false, PickupProof.Condition.DAMAGED, null)), null);

		assertThatThrownBy(() -> order.pickUp(proof, LATER)).isInstanceOfSatisfying(Rejected.class,
				e -> assertThat(e.violations()).extracting(Rejected.Violation::sku)
					.containsExactly("SKU-JACKET", "SKU-SHIRT"));
		assertThat(order.status()).isEqualTo(OrderStatus.EN_ROUTE);
	}

	@Test
	void everyItemOfTheOrderMustBeReportedAndNoOther() {
		Order order = in(OrderStatus.EN_ROUTE);
		var proof = new PickupProof(List.of(
				new PickupProof.ItemCheck("SKU-JACKET", true, PickupProof.Condition.NEW, null),
				new PickupProof.ItemCheck("SKU-UNKNOWN", true, PickupProof.Condition.NEW, null)), null);

		assertThatThrownBy(() -> order.pickUp(proof, LATER)).isInstanceOfSatisfying(InvalidInput.class,
				e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("items[1].sku", "items"));
		assertThat(order.status()).isEqualTo(OrderStatus.EN_ROUTE);
	}

	@Test
	void eventsAreHandedOutOnlyOnce() {
		Order order = Order.schedule(booking(), BOOKED_AT);
		order.assign(DRIVER, LATER);

		assertThat(order.drainEvents()).hasSize(2);
		assertThat(order.drainEvents()).isEmpty();
	}

	@Test
	void aRestoredOrderAnnouncesNothing() {
		assertThat(in(OrderStatus.EN_ROUTE).drainEvents()).isEmpty();
	}

	@Test
	void anOrderWhoseItemsArePickedUpCannotBeCancelled() {
		Order order = in(OrderStatus.PICKED_UP);

		assertThatThrownBy(() -> order.cancel("Too late", LATER)).isInstanceOf(IllegalTransition.class)
			.hasMessage("An order that is picked_up cannot be cancelled.");
		assertThat(order.cancelReason()).isNull();
	}

	@Test
	void anOrderIsNotAssignedTwice() {
		Order order = Order.schedule(booking(), BOOKED_AT);
		order.assign(DRIVER, LATER);

		assertThatThrownBy(() -> order.assign(UUID.randomUUID(), LATER)).isInstanceOf(IllegalTransition.class)
			.hasMessage("An order that is assigned cannot be assigned.");
		assertThat(order.driverId()).isEqualTo(DRIVER);
	}

	@ParameterizedTest(name = "{0} order, {1}: {2}")
	@MethodSource("everyStatusAndAction")
	void anOrderMovesOnlyAlongItsLifecycle(OrderStatus from, Action action, String expected) {
		Order order = in(from);
		OrderStatus next = LEGAL.get(from).get(action);

		if (next != null) {
			action.applyTo(order, LATER);
			assertThat(order.status()).isEqualTo(next);
			assertThat(order.updatedAt()).isEqualTo(LATER);
			assertThat(order.drainEvents()).hasSize(1);
		}
		else {
			assertThatThrownBy(() -> action.applyTo(order, LATER)).isInstanceOf(IllegalTransition.class)
				.hasMessageStartingWith("An order that is " + from.code() + " cannot be ");
			assertThat(order.status()).isEqualTo(from);
			assertThat(order.updatedAt()).isEqualTo(BOOKED_AT);
			assertThat(order.drainEvents()).isEmpty();
		}
	}

	static Stream<Arguments> everyStatusAndAction() {
		return Arrays.stream(OrderStatus.values())
			.flatMap(from -> Arrays.stream(Action.values())
				.map(action -> Arguments.of(from, action, LEGAL.get(from).containsKey(action)
						? "becomes " + LEGAL.get(from).get(action).code() : "refused")));
	}

	private static Order in(OrderStatus status) {
		return Order.restore(booking(),
				new Progress(status, status == OrderStatus.SCHEDULED ? null : DRIVER, null, null, null, null),
				BOOKED_AT, BOOKED_AT, 3);
	}

	private static PickupProof allVerified() {
		return new PickupProof(List.of(new PickupProof.ItemCheck("SKU-JACKET", true, PickupProof.Condition.NEW, null),
				new PickupProof.ItemCheck("SKU-SHIRT", true, PickupProof.Condition.USED, null)), null);
	}

	private static Order.Booking booking() {
		Instant start = BOOKED_AT.plus(Duration.ofDays(2));
		Pickup pickup = new Pickup("Torstrasse 1, 10119 Berlin", 52.529, 13.401, start, start.plus(Duration.ofHours(2)));
		List<OrderItem> items = List.of(
				new OrderItem("SKU-JACKET", "A jacket", "outerwear", BOOKED_AT.minus(Duration.ofDays(7)), 12_900,
						"MO-1", true),
				new OrderItem("SKU-SHIRT", "A shirt", "tops", BOOKED_AT.minus(Duration.ofDays(7)), 2_900, null, false));
		return new Order.Booking(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), pickup, items,
				new Money(1_000, "EUR"), new LateFee(500, start.minus(Duration.ofHours(2))), 1, null);
	}
}
