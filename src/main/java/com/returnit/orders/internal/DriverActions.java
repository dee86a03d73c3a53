package com.returnit.orders.internal;

import com.returnit.identity.Caller;
import com.returnit.identity.Role;
import com.returnit.merchants.Merchants;
import com.returnit.orders.internal.domain.Failure;
import com.returnit.orders.internal.domain.Order;
import com.returnit.orders.internal.domain.PickupProof;
import com.returnit.platform.Forbidden;
import com.returnit.platform.InvalidInput;
import com.returnit.slots.PickupSlots;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each action loads the order as the caller sees it, lets the aggregate decide, saves and publishes. */
@Service
class DriverActions {

	private final OrderService orders;
	private final OrderRepository repository;
	private final Merchants merchants;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final PickupSlots slots;

	DriverActions(OrderService orders, OrderRepository repository, Merchants merchants,
			ApplicationEventPublisher events, Clock clock, PickupSlots slots) {
		this.slots = slots;
		this.orders = orders;
		this.repository = repository;
		this.merchants = merchants;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	Order startRoute(Caller caller, UUID id) {
		return act(caller, id, order -> order.startRoute(clock.instant()));
	}

	@Transactional
	Order pickUp(Caller caller, UUID id, PickupProof proof) {
		return act(caller, id, order -> order.pickUp(proof, clock.instant()));
	}

	@Transactional
	Order deliver(Caller caller, UUID id, UUID hubId) {
		return act(caller, id, order -> {
			boolean merchantsHub = merchants.find(order.booking().merchantId())
				.map(m -> m.hubs().stream().anyMatch(hub -> hub.id().equals(hubId)))
				.orElse(false);
			if (!merchantsHub) {
				throw InvalidInput.unprocessable("hubId", "is not a hub of this order's merchant");
			}
			order.deliver(hubId, clock.instant());
		});
	}

	@Transactional
	Order fail(Caller caller, UUID id, Failure failure) {
		return act(caller, id, order -> {
			order.fail(failure, clock.instant());
			slots.release(order.id());
		});
	}

	private Order act(Caller caller, UUID id, Consumer<Order> action) {
		Order order = orders.get(caller, id);
		if (caller.role() != Role.DRIVER) {
			throw new Forbidden("Only the assigned driver does this.");
		}
		action.accept(order);
		repository.update(order);
		order.drainEvents().forEach(events::publishEvent);
		return order;
	}
}
