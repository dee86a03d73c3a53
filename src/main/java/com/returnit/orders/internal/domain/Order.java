package com.returnit.orders.internal.domain;

import com.returnit.orders.OrderCancelled;
import com.returnit.orders.OrderEvent;
import com.returnit.orders.OrderScheduled;
import com.returnit.orders.OrderStatusChanged;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A return pickup. The aggregate owns its whole state machine: scheduled -> assigned -> en_route -> picked_up ->
 * delivered, with cancelled (before pickup) and failed (once a driver is on it). Every change registers an event.
 */
public final class Order {

	/** The fields an order is booked with. */
	public record Booking(UUID id, UUID merchantId, UUID customerId, Pickup pickup, List<OrderItem> items,
			Money price, int policyVersion, @Nullable UUID quoteId) {
	}

	private static final Set<OrderStatus> CANCELLABLE = Set.of(OrderStatus.SCHEDULED, OrderStatus.ASSIGNED,
			OrderStatus.EN_ROUTE);

	private final Booking booking;
	private final Instant createdAt;
	private OrderStatus status;
	private @Nullable UUID driverId;
	private @Nullable String cancelReason;
	private Instant updatedAt;
	private final int version;
	private final List<OrderEvent> events = new ArrayList<>();

	private Order(Booking booking, OrderStatus status, @Nullable UUID driverId, @Nullable String cancelReason,
			Instant createdAt, Instant updatedAt, int version) {
		this.booking = booking;
		this.status = status;
		this.driverId = driverId;
		this.cancelReason = cancelReason;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.version = version;
	}

	public static Order schedule(Booking booking, Instant now) {
		Order order = new Order(booking, OrderStatus.SCHEDULED, null, null, now, now, 0);
		order.events.add(new OrderScheduled(booking.id(), booking.merchantId(), booking.customerId(),
				booking.pickup().windowStart(), booking.pickup().windowEnd(), booking.items().size(), now));
		return order;
	}

	/** Rebuilds a stored order; registers no event. */
	public static Order restore(Booking booking, OrderStatus status, @Nullable UUID driverId,
			@Nullable String cancelReason, Instant createdAt, Instant updatedAt, int version) {
		return new Order(booking, status, driverId, cancelReason, createdAt, updatedAt, version);
	}

	public void assign(UUID driver, Instant now) {
		require(OrderStatus.SCHEDULED, "assigned");
		this.driverId = driver;
		moveTo(OrderStatus.ASSIGNED, now);
	}

	public void startRoute(Instant now) {
		require(OrderStatus.ASSIGNED, "put en route");
		moveTo(OrderStatus.EN_ROUTE, now);
	}

	public void pickUp(Instant now) {
		require(OrderStatus.EN_ROUTE, "picked up");
		moveTo(OrderStatus.PICKED_UP, now);
	}

	public void deliver(Instant now) {
		require(OrderStatus.PICKED_UP, "delivered");
		moveTo(OrderStatus.DELIVERED, now);
	}

	public void fail(Instant now) {
		if (status != OrderStatus.ASSIGNED && status != OrderStatus.EN_ROUTE) {
			throw new IllegalTransition(status, "marked failed");
		}
		moveTo(OrderStatus.FAILED, now);
	}

	public void cancel(String reason, Instant now) {
		if (!CANCELLABLE.contains(status)) {
			throw new IllegalTransition(status, "cancelled");
		}
		this.status = OrderStatus.CANCELLED;
		this.cancelReason = reason;
		this.updatedAt = now;
		events.add(new OrderCancelled(id(), booking.merchantId(), booking.customerId(), reason, now));
	}

	private void require(OrderStatus expected, String action) {
		if (status != expected) {
			throw new IllegalTransition(status, action);
		}
	}

	private void moveTo(OrderStatus next, Instant now) {
		this.status = next;
		this.updatedAt = now;
		events.add(new OrderStatusChanged(id(), booking.merchantId(), booking.customerId(), next.code(), now));
	}

	/** Events registered since load, handed out once for publication. */
	public List<OrderEvent> drainEvents() {
		List<OrderEvent> drained = List.copyOf(events);
		events.clear();
		return drained;
	}

	public UUID id() {
		return booking.id();
	}

	public Booking booking() {
		return booking;
	}

	public OrderStatus status() {
		return status;
	}

	public @Nullable UUID driverId() {
		return driverId;
	}

	public @Nullable String cancelReason() {
		return cancelReason;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant updatedAt() {
		return updatedAt;
	}

	/** The version this order was loaded at; saving checks it so that concurrent changes cannot both win. */
	public int version() {
		return version;
	}
}
