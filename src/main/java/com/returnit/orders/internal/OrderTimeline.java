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
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps each order's history from its events, in the transaction that changed the order: the timeline row commits
 * with the change or not at all, and costs the booking no commit of its own (no event publication to store, mark
 * processing and complete, ADR 52). Events published outside a transaction get one of their own. A repeated event is
 * recognised by (order, type, time) and recorded once; concurrent events of one order take sequence numbers in turn.
 */
@Component
class OrderTimeline {

	private final JdbcClient jdbc;

	OrderTimeline(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	@Transactional
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
		// transactions changing one order may run concurrently: one at a time per order takes the next sequence number.
		// Not the booking's: no other transaction sees the order before it commits. (Should one run it again later, the
		// timeline's primary key (order, sequence) refuses a number taken twice, and the transaction is retried.)
		if (!(event instanceof OrderScheduled)) {
			jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(CAST(:order AS text), 0))")
				.param("order", event.orderId()).query().singleValue();
		}
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
