package com.returnit.orders.internal;

import com.returnit.identity.Caller;
import com.returnit.orders.OrderDriverChanged;
import com.returnit.orders.Orders;
import com.returnit.orders.internal.domain.Order;
import com.returnit.orders.internal.domain.Pickup;
import com.returnit.platform.Conflict;
import com.returnit.platform.NotFound;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class OrderDirectory implements Orders {

	private final OrderRepository orders;
	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	OrderDirectory(OrderRepository orders, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.orders = orders;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Summary> find(UUID orderId) {
		return orders.find(orderId).map(OrderDirectory::summary);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Summary> findVisible(Caller caller, UUID orderId) {
		return orders.find(orderId).filter(order -> OrderService.canSee(caller, order)).map(OrderDirectory::summary);
	}

	@Override
	@Transactional
	public void assign(UUID orderId, UUID driverId) {
		Order order = orders.find(orderId).orElseThrow(() -> new NotFound("Order"));
		order.assign(driverId, clock.instant());
		save(order);
		events.publishEvent(new OrderDriverChanged(orderId, null, driverId, clock.instant()));
	}

	@Override
	@Transactional
	public void reassign(UUID orderId, @Nullable UUID fromDriverId, UUID toDriverId) {
		Order order = withDriver(orderId, fromDriverId);
		UUID previous = order.driverId();
		order.reassign(toDriverId, clock.instant());
		save(order);
		events.publishEvent(new OrderDriverChanged(orderId, previous, toDriverId, clock.instant()));
	}

	@Override
	@Transactional
	public void unassign(UUID orderId, @Nullable UUID fromDriverId) {
		Order order = withDriver(orderId, fromDriverId);
		UUID previous = order.driverId();
		order.unassign(clock.instant());
		save(order);
		events.publishEvent(new OrderDriverChanged(orderId, previous, null, clock.instant()));
	}

	private Order withDriver(UUID orderId, @Nullable UUID fromDriverId) {
		Order order = orders.find(orderId).orElseThrow(() -> new NotFound("Order"));
		if (fromDriverId != null && !fromDriverId.equals(order.driverId())) {
			throw Conflict.withCode("The order is not with driver " + fromDriverId + " (any more); reload it.",
					"driver_changed");
		}
		return order;
	}

	private void save(Order order) {
		orders.update(order);
		order.drainEvents().forEach(events::publishEvent);
	}

	@Override
	@Transactional(readOnly = true)
	public int parcelsCarriedBy(UUID driverId) {
		return jdbc.sql("""
				SELECT coalesce(sum(jsonb_array_length(items)), 0) FROM orders
				WHERE driver_id = :driver AND status IN ('assigned', 'en_route', 'picked_up')""")
			.param("driver", driverId).query(Integer.class).single();
	}

	@Override
	public Map<UUID, Integer> parcelsCarriedBy(Collection<UUID> driverIds) {
		Map<UUID, Integer> carried = new HashMap<>();
		if (driverIds.isEmpty()) {
			return carried;
		}
		jdbc.sql("""
				SELECT driver_id, sum(jsonb_array_length(items))::int FROM orders
				WHERE driver_id IN (:drivers) AND status IN ('assigned', 'en_route', 'picked_up')
				GROUP BY driver_id""")
			.param("drivers", driverIds)
			.query(rs -> {
				carried.put(rs.getObject(1, UUID.class), rs.getInt(2));
			});
		return carried;
	}

	private static Summary summary(Order order) {
		Pickup p = order.booking().pickup();
		return new Summary(order.id(), order.booking().merchantId(), order.booking().customerId(),
				order.status().code(), order.driverId(), p.address(), p.lat(), p.lng(), p.windowStart(),
				p.windowEnd(), order.booking().items().stream()
					.map(item -> new Item(item.sku(), item.description(), item.category())).toList(),
				order.booking().price().amountCents(), order.booking().price().currency(),
				order.booking().lateFee().feeCents(), order.booking().lateFee().appliesFrom(),
				order.booking().returnSessionId());
	}
}
