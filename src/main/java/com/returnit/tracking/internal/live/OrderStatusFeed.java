package com.returnit.tracking.internal.live;

import com.returnit.orders.OrderCancelled;
import com.returnit.orders.OrderDriverChanged;
import com.returnit.orders.OrderEvent;
import com.returnit.orders.OrderFailed;
import com.returnit.orders.OrderPickedUp;
import com.returnit.orders.OrderScheduled;
import com.returnit.orders.OrderStatusChanged;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every change of an order's status becomes an {@code order.status} stream event, written to the stream's log in the
 * transaction that changes the order (ADR 0053): the event commits with the change, and its fan-out message goes out
 * at that commit, or neither happens. No event publication of its own.
 */
@Component
class OrderStatusFeed {

	private final StreamLog log;

	OrderStatusFeed(StreamLog log) {
		this.log = log;
	}

	@EventListener
	void on(OrderEvent event) {
		Map<String, Object> data = new LinkedHashMap<>();
		switch (event) {
			case OrderScheduled e -> data.put("status", "scheduled");
			case OrderCancelled e -> {
				data.put("status", "cancelled");
				data.put("reason", e.reason());
			}
			case OrderStatusChanged e -> data.put("status", e.status());
			case OrderPickedUp e -> {
				data.put("status", "picked_up");
				data.put("refusedItems", e.items().stream().filter(i -> !i.verified()).map(i -> i.sku()).toList());
			}
			case OrderFailed e -> {
				data.put("status", "failed");
				data.put("reason", e.reason());
			}
		}
		data.put("at", event.occurredAt().toString());
		log.append(event.orderId(), "order.status", data);
	}

	/**
	 * An order changed drivers (an operator assigned, reassigned or unassigned it, or a driver accepted its offer): an
	 * {@code order.driver} stream event, so that a driver's app following the order drops it at once when it is no
	 * longer theirs. {@code driverId} null: no driver now.
	 */
	@EventListener
	void on(OrderDriverChanged event) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("driverId", event.driverId() == null ? null : event.driverId().toString());
		data.put("previousDriverId", event.previousDriverId() == null ? null : event.previousDriverId().toString());
		data.put("at", event.occurredAt().toString());
		log.append(event.orderId(), "order.driver", data);
	}
}
