package com.returnit.push.internal;

import com.returnit.orders.OrderDriverChanged;
import com.returnit.orders.Orders;
import com.returnit.platform.Ids;
import com.returnit.policy.ServiceAreas;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A job given to a driver (an operator assigning or reassigning it by hand, or the driver accepting an offer) becomes
 * a push to the driver's subscribed browsers, so an app in the background learns of a job nobody offered it. Written
 * to the outbox after the change committed, once per change and browser (the key is derived from the change, so a
 * repeated run adds nothing); useless once the pickup window has ended.
 */
@Component
class JobPushes {

	private final SubscriptionRepository subscriptions;
	private final PushMessageRepository messages;
	private final Orders orders;
	private final ServiceAreas areas;
	private final PushProperties properties;
	private final JsonMapper json;
	private final Clock clock;

	JobPushes(SubscriptionRepository subscriptions, PushMessageRepository messages, Orders orders, ServiceAreas areas,
			PushProperties properties, JsonMapper json, Clock clock) {
		this.subscriptions = subscriptions;
		this.messages = messages;
		this.orders = orders;
		this.areas = areas;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(OrderDriverChanged change) {
		UUID driver = change.driverId();
		if (!properties.enabled() || driver == null) {
			return;
		}
		List<Subscription> browsers = subscriptions.ofDriver(driver);
		if (browsers.isEmpty()) {
			return;
		}
		Instant now = clock.instant();
		orders.find(change.orderId()).filter(order -> order.windowEnd().isAfter(now)).ifPresent(order -> {
			String payload = json.writeValueAsString(new JobPayload("job", order.id(),
					areas.containing(order.lat(), order.lng()).map(ServiceAreas.Area::name).orElse(null),
					new OfferPayload.Window(order.windowStart(), order.windowEnd()), order.items().size()));
			UUID key = keyOf(change, driver);
			browsers.forEach(browser -> messages.enqueue(Ids.newId(clock), browser.id(), key, payload,
					order.windowEnd(), now));
		});
	}

	/** One key per change, the same each time the event is delivered again. */
	static UUID keyOf(OrderDriverChanged change, UUID driver) {
		return UUID.nameUUIDFromBytes(("job:" + change.orderId() + ":" + driver + ":" + change.occurredAt())
			.getBytes(StandardCharsets.UTF_8));
	}
}
