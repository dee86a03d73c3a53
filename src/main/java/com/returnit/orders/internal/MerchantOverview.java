package com.returnit.orders.internal;

import com.returnit.orders.internal.OverviewBodies.OverviewDayView;
import com.returnit.orders.internal.OverviewBodies.MerchantOverviewView;
import com.returnit.orders.internal.OverviewBodies.OverviewPickupView;
import com.returnit.orders.internal.OverviewBodies.RefusalReasonCount;
import com.returnit.orders.internal.OverviewBodies.RefusedItemsView;
import com.returnit.orders.internal.domain.OrderStatus;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts what happened to one merchant's orders over a range of days. What happened when comes from the orders'
 * timelines, which carry the merchant (one index range per merchant and period); the statuses from the orders
 * created in the range, through the same conditions as the merchant's order list.
 */
@Component
class MerchantOverview {

	private static final List<String> COUNTED = List.of("order.scheduled", "order.picked_up", "order.delivered",
			"order.cancelled", "order.failed");

	private final JdbcClient jdbc;

	MerchantOverview(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The overview of {@code merchantId} from {@code from} to {@code to}, both inclusive (UTC). */
	@Transactional(readOnly = true)
	MerchantOverviewView of(UUID merchantId, LocalDate from, LocalDate to) {
		Range range = new Range(merchantId, from, to);
		Map<LocalDate, Map<String, Long>> days = perDay(range);
		List<OverviewDayView> perDay = new ArrayList<>();
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			Map<String, Long> counts = days.getOrDefault(day, Map.of());
			perDay.add(new OverviewDayView(day, counts.getOrDefault("order.scheduled", 0L),
					counts.getOrDefault("order.picked_up", 0L), counts.getOrDefault("order.delivered", 0L),
					counts.getOrDefault("order.cancelled", 0L), counts.getOrDefault("order.failed", 0L)));
		}
		Map<String, Long> byStatus = byStatus(merchantId, from, to);
		long created = byStatus.values().stream().mapToLong(Long::longValue).sum();
		long succeeded = perDay.stream().mapToLong(OverviewDayView::pickedUp).sum();
		long attempted = succeeded + perDay.stream().mapToLong(OverviewDayView::failed).sum();
		Double rate = attempted == 0 ? null : Math.round(1000.0 * succeeded / attempted) / 1000.0;
		return new MerchantOverviewView(from, to, perDay, byStatus, new OverviewPickupView(attempted, succeeded, rate),
				refused(range), averageBookingToHub(range), created);
	}

	private record Range(UUID merchant, LocalDate from, LocalDate to) {

		Timestamp start() {
			return Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant());
		}

		Timestamp end() {
			return Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
		}
	}

	/** Orders per day and kind of event; an order counts once per kind and day. */
	private Map<LocalDate, Map<String, Long>> perDay(Range range) {
		Map<LocalDate, Map<String, Long>> days = new HashMap<>();
		jdbc.sql("""
				SELECT (occurred_at AT TIME ZONE 'UTC')::date AS day, type, count(DISTINCT order_id) AS orders
				FROM order_timeline
				WHERE merchant_id = :merchant AND occurred_at >= :start AND occurred_at < :end AND type IN (:types)
				GROUP BY 1, 2""")
			.param("merchant", range.merchant()).param("start", range.start()).param("end", range.end())
			.param("types", COUNTED)
			.query(rs -> {
				days.computeIfAbsent(rs.getObject("day", LocalDate.class), d -> new HashMap<>())
					.put(rs.getString("type"), rs.getLong("orders"));
			});
		return days;
	}

	/** Orders created in the range by their status now, every status present. */
	private Map<String, Long> byStatus(UUID merchantId, LocalDate from, LocalDate to) {
		Map<String, Long> byStatus = new LinkedHashMap<>();
		for (OrderStatus status : OrderStatus.values()) {
			byStatus.put(status.code(), 0L);
		}
		OrderRepository.PageQuery where = OrderRepository.where(new OrderRepository.Scope(null, merchantId, null),
				new OrderFilter(null, from, to, null, null));
		jdbc.sql("SELECT status, count(*) AS orders FROM orders WHERE " + where.sql() + " GROUP BY status")
			.params(where.params())
			.query(rs -> {
				byStatus.put(rs.getString("status"), rs.getLong("orders"));
			});
		return byStatus;
	}

	/** The items refused at pickups in the range, by the driver's note or else the condition they found. */
	private RefusedItemsView refused(Range range) {
		List<RefusalReasonCount> reasons = jdbc.sql("""
				SELECT coalesce(nullif(btrim(item ->> 'note'), ''), lower(item ->> 'condition')) AS reason,
				  count(*) AS items
				FROM order_timeline t JOIN orders o ON o.id = t.order_id
				CROSS JOIN jsonb_array_elements(o.pickup_proof -> 'items') AS item
				WHERE t.merchant_id = :merchant AND t.type = 'order.picked_up'
				  AND t.occurred_at >= :start AND t.occurred_at < :end AND NOT (item ->> 'verified')::boolean
				GROUP BY 1 ORDER BY 2 DESC, 1""")
			.param("merchant", range.merchant()).param("start", range.start()).param("end", range.end())
			.query((rs, n) -> new RefusalReasonCount(rs.getString("reason"), rs.getLong("items")))
			.list();
		return new RefusedItemsView(reasons.stream().mapToLong(RefusalReasonCount::count).sum(), reasons);
	}

	/** From booking to hand-over at the hub, over the orders handed over in the range; null when none was. */
	private @Nullable Long averageBookingToHub(Range range) {
		return jdbc.sql("""
				SELECT round(avg(extract(EPOCH FROM t.occurred_at - o.created_at)))::bigint
				FROM order_timeline t JOIN orders o ON o.id = t.order_id
				WHERE t.merchant_id = :merchant AND t.type = 'order.delivered'
				  AND t.occurred_at >= :start AND t.occurred_at < :end""")
			.param("merchant", range.merchant()).param("start", range.start()).param("end", range.end())
			.query((rs, n) -> rs.getObject(1, Long.class)).list().getFirst();
	}
}
