package com.returnit.orders.internal;

import com.returnit.orders.OrderCancelled;
import com.returnit.orders.OrderEvent;
import com.returnit.orders.OrderFailed;
import com.returnit.orders.OrderPickedUp;
import com.returnit.orders.OrderScheduled;
import com.returnit.orders.OrderStatusChanged;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each order's history from its events. It listens after commit through the event publication registry, so
 * an event committed with the order is recorded even if the node stops in between (it is republished on restart).
 * A redelivered event is recognised by (order, type, time) and recorded once; two events racing for the same
 * sequence number make one listener fail, and the registry retries it.
 */
@Component
class OrderTimeline {

	private final JdbcClient jdbc;

	OrderTimeline(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(OrderEvent event) {
		String type = switch (event) {
			case OrderScheduled e -> "order.scheduled";
			case OrderCancelled e -> "order.cancelled";
			case OrderStatusChanged e -> "order." + e.status();
			case OrderPickedUp e -> "order.picked_up";
			case OrderFailed e -> "order.failed";
		};
		String detail = switch (event) {
			case OrderCancelled e -> e.reason();
			case OrderFailed e -> e.reason() + (e.note() == null ? "" : ": " + e.note());
			case OrderPickedUp e -> e.items().stream().filter(i -> !i.verified()).count() + " item(s) refused";
			default -> null;
		};
		// listeners of one order's events run concurrently: one at a time per order takes the next sequence number
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(CAST(:order AS text), 0))")
			.param("order", event.orderId()).query().singleValue();
		jdbc.sql("""
				INSERT INTO order_timeline (order_id, sequence, type, occurred_at, detail, merchant_id)
				SELECT :order, coalesce(max(sequence), 0) + 1, :type, :at, :detail, :merchant
				FROM order_timeline WHERE order_id = :order
				ON CONFLICT (order_id, type, occurred_at) DO NOTHING""")
			.param("order", event.orderId()).param("type", type).param("merchant", event.merchantId())
			.param("at", Timestamp.from(event.occurredAt())).param("detail", detail)
			.update();
	}

	List<OrderBodies.TimelineEntry> of(UUID orderId) {
		return jdbc.sql("""
				SELECT sequence, type, occurred_at, detail FROM order_timeline
				WHERE order_id = :order ORDER BY sequence""")
			.param("order", orderId)
			.query((rs, n) -> new OrderBodies.TimelineEntry(rs.getInt(1), rs.getString(2),
					rs.getTimestamp(3).toInstant(), rs.getString(4)))
			.list();
	}
}
