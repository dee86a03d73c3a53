package com.returnit.webhooks.internal;

import com.returnit.dispatch.OrderUnassigned;
import com.returnit.payments.PaymentCaptured;
import com.returnit.payments.PaymentFailed;
import com.returnit.payments.RefundCreated;
import com.returnit.orders.OrderCancelled;
import com.returnit.orders.OrderEvent;
import com.returnit.orders.OrderFailed;
import com.returnit.orders.OrderPickedUp;
import com.returnit.orders.OrderScheduled;
import com.returnit.orders.OrderStatusChanged;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The one place that says which module event becomes which webhook: its type, the merchant it belongs to, the order
 * it counts its sequence on, and its {@code data}. A new event is one entry in {@link #TYPES}, one mapping method
 * here and one listener method in {@link ModuleEventListeners}.
 */
final class EventCatalogue {

	/** Every type an endpoint may subscribe to ({@code "*"} means all). */
	static final List<String> TYPES = List.of("order.scheduled", "order.assigned", "order.en_route",
			"order.picked_up", "order.delivered", "order.cancelled", "order.failed", "order.unassigned",
			"payment.captured", "payment.failed", "refund.created");

	/**
	 * A webhook event to record. {@code sourceKey} names the module event, so that a redelivered module event is
	 * recorded once.
	 */
	record Entry(String type, UUID merchantId, @Nullable UUID orderId, Instant occurredAt, Map<String, Object> data,
			String sourceKey) {
	}

	private EventCatalogue() {
	}

	/**
	 * An order event's webhook; every order's {@code data} carries {@code returnSessionId}, the merchant's return
	 * link the order was booked from (null when none).
	 */
	static Entry of(OrderEvent event, @Nullable UUID returnSessionId) {
		Entry entry = of(event);
		entry.data().put("returnSessionId", returnSessionId);
		return entry;
	}

	private static Entry of(OrderEvent event) {
		return switch (event) {
			case OrderScheduled e -> order("order.scheduled", e.merchantId(), e, data(e.orderId(), "scheduled",
					"windowStart", e.windowStart(), "windowEnd", e.windowEnd(), "itemCount", e.itemCount()));
			case OrderStatusChanged e -> order("order." + e.status(), e.merchantId(), e, data(e.orderId(), e.status()));
			case OrderPickedUp e -> order("order.picked_up", e.merchantId(), e, data(e.orderId(), "picked_up",
					"driverId", e.driverId(), "bagSeal", e.bagSeal(), "items", e.items().stream().map(EventCatalogue::item).toList()));
			case OrderCancelled e -> order("order.cancelled", e.merchantId(), e,
					data(e.orderId(), "cancelled", "reason", e.reason()));
			case OrderFailed e -> order("order.failed", e.merchantId(), e,
					data(e.orderId(), "failed", "reason", e.reason(), "note", e.note()));
		};
	}

	static Entry of(OrderUnassigned e, UUID merchantId, @Nullable UUID returnSessionId) {
		return new Entry("order.unassigned", merchantId, e.orderId(), e.occurredAt(),
				data(e.orderId(), "scheduled", "misses", e.misses(), "reason", e.reason(), "returnSessionId",
						returnSessionId),
				"order.unassigned:" + e.orderId() + ":" + e.occurredAt());
	}

	static Entry of(PaymentCaptured e) {
		return new Entry("payment.captured", e.merchantId(), e.orderId(), e.occurredAt(),
				data(e.orderId(), "captured", "paymentId", e.paymentId(), "amountCents", e.amountCents(), "currency",
						e.currency()),
				"payment.captured:" + e.paymentId() + ":" + e.occurredAt());
	}

	static Entry of(PaymentFailed e) {
		return new Entry("payment.failed", e.merchantId(), e.orderId(), e.occurredAt(),
				data(e.orderId(), "failed", "paymentId", e.paymentId(), "operation", e.operation(), "code", e.code(),
						"message", e.message()),
				"payment.failed:" + e.paymentId() + ":" + e.occurredAt());
	}

	static Entry of(RefundCreated e) {
		return new Entry("refund.created", e.merchantId(), e.orderId(), e.occurredAt(),
				data(e.orderId(), "refunded", "refundId", e.refundId(), "paymentId", e.paymentId(), "amountCents",
						e.amountCents(), "currency", e.currency()),
				"refund.created:" + e.refundId());
	}

	private static Entry order(String type, UUID merchantId, OrderEvent e, Map<String, Object> data) {
		return new Entry(type, merchantId, e.orderId(), e.occurredAt(), data,
				type + ":" + e.orderId() + ":" + e.occurredAt());
	}

	private static Map<String, Object> item(OrderPickedUp.ItemVerification item) {
		return data("sku", item.sku(), "verified", item.verified(), "condition", item.condition(), "note", item.note(),
				"reason", item.reason(), "reasonNote", item.reasonNote());
	}

	private static Map<String, Object> data(UUID orderId, String status, @Nullable Object... more) {
		Object[] all = new Object[more.length + 4];
		all[0] = "orderId";
		all[1] = orderId;
		all[2] = "status";
		all[3] = status;
		System.arraycopy(more, 0, all, 4, more.length);
		return data(all);
	}

	private static Map<String, Object> data(@Nullable Object... keysAndValues) {
		Map<String, Object> data = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			data.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return data;
	}
}
