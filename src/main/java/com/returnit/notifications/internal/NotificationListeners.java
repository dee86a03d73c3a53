package com.returnit.notifications.internal;

import com.returnit.orders.OrderFailed;
import com.returnit.orders.OrderPickedUp;
import com.returnit.orders.OrderScheduled;
import com.returnit.orders.OrderStatusChanged;
import com.returnit.orders.Orders;
import com.returnit.tracking.OrderTracking;
import com.returnit.webhooks.WebhookEndpointDisabled;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which event tells the customer what: booked, driver on the way (with the tracking link), picked up (with what was
 * checked at the door), failed pickup (with a link to book again). Operators hear of disabled webhook endpoints. An
 * order's messages are queued in the transaction that changes the order (ADR 0053): they commit with the change or
 * not at all, and the message outbox sends them from there.
 */
@Component
class NotificationListeners {

	private static final Logger log = LoggerFactory.getLogger(NotificationListeners.class);
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

	private final MessageRecorder recorder;
	private final OrderTracking tracking;
	private final Orders orders;
	private final NotificationProperties properties;

	NotificationListeners(MessageRecorder recorder, OrderTracking tracking, Orders orders,
			NotificationProperties properties) {
		this.recorder = recorder;
		this.tracking = tracking;
		this.orders = orders;
		this.properties = properties;
	}

	@EventListener
	@Transactional
	void on(OrderScheduled e) {
		ZonedDateTime start = e.windowStart().atZone(properties.zone());
		ZonedDateTime end = e.windowEnd().atZone(properties.zone());
		String window = DAY.format(start) + "–" + TIME.format(end) + " (" + properties.zone().getId() + ")";
		notify("booking_confirmed", e.customerId(), e.orderId(), "order.scheduled:" + e.orderId(),
				Map.of("window", window, "itemCount", Integer.toString(e.itemCount()), "trackingUrl", trackingUrl(e.orderId())));
	}

	@EventListener
	@Transactional
	void on(OrderStatusChanged e) {
		if ("en_route".equals(e.status())) {
			notify("driver_on_the_way", e.customerId(), e.orderId(), "order.en_route:" + e.orderId() + ":" + e.occurredAt(),
					Map.of("trackingUrl", trackingUrl(e.orderId())));
		}
	}

	@EventListener
	@Transactional
	void on(OrderPickedUp e) {
		Map<String, String> descriptions = orders.find(e.orderId()).map(o -> o.items().stream()
			.collect(Collectors.toMap(Orders.Item::sku, Orders.Item::description, (a, b) -> a))).orElse(Map.of());
		String summary = e.items().stream().map(i -> "- " + descriptions.getOrDefault(i.sku(), i.sku()) + " (" + i.sku()
				+ "): " + (i.verified() ? "collected" : "refused") + ", condition " + i.condition()
				+ (i.note() == null ? "" : " (" + i.note() + ")")).collect(Collectors.joining("\n"));
		long collected = e.items().stream().filter(OrderPickedUp.ItemVerification::verified).count();
		String shortSummary = collected + " item(s) collected" + (collected < e.items().size()
				? ", " + (e.items().size() - collected) + " refused at the door." : ".");
		notify("picked_up", e.customerId(), e.orderId(), "order.picked_up:" + e.orderId(),
				Map.of("itemSummary", summary, "itemShortSummary", shortSummary));
	}

	@EventListener
	@Transactional
	void on(OrderFailed e) {
		notify("failed_pickup", e.customerId(), e.orderId(), "order.failed:" + e.orderId(),
				Map.of("reason", reason(e.reason(), e.note()), "rebookUrl",
						properties.rebookUrl().replace("{orderId}", e.orderId().toString())));
	}

	@ApplicationModuleListener
	void on(WebhookEndpointDisabled e) {
		log.error("Operators: webhook endpoint {} of merchant {} ({}) was disabled: {}", e.endpointId(), e.merchantId(),
				e.url(), e.reason());
		if (!properties.operatorsEmail().isBlank()) {
			recorder.toOperators("webhook_endpoint_disabled", properties.operatorsEmail(),
					"webhook.disabled:" + e.endpointId() + ":" + e.occurredAt(), Map.of("endpointId",
							e.endpointId().toString(), "merchantId", e.merchantId().toString(), "url", e.url(), "reason", e.reason()));
		}
	}

	private void notify(String template, UUID customerId, UUID orderId, String key, Map<String, String> values) {
		recorder.toCustomer(new MessageRecorder.Notice(template, customerId, orderId, key, values));
	}

	private String trackingUrl(UUID orderId) {
		return properties.publicBaseUrl() + tracking.trackingPath(orderId);
	}

	private static String reason(String code, @org.jspecify.annotations.Nullable String note) {
		String reason = switch (code) {
			case "customer_absent" -> "nobody was at home";
			case "items_not_ready" -> "the items were not ready";
			case "unsafe" -> "the driver could not reach you safely";
			default -> "something went wrong";
		};
		return note == null || note.isBlank() ? reason : reason + " (" + note + ")";
	}
}
