package com.returnit.push.internal;

import com.returnit.dispatch.OfferMade;
import com.returnit.orders.Orders;
import com.returnit.payments.DriverEarnings;
import com.returnit.platform.Ids;
import com.returnit.policy.ServiceAreas;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every offer dispatch makes becomes one push message per subscribed browser of its driver, written to the outbox
 * ({@link PushWorker} sends it). Runs after the offer's transaction committed, through the event publication
 * registry, so no offer is missed and no network call happens inside dispatch; a repeated run adds nothing (one
 * message per offer and subscription).
 */
@Component
class OfferPushes {

	private final SubscriptionRepository subscriptions;
	private final PushMessageRepository messages;
	private final Orders orders;
	private final ServiceAreas areas;
	private final DriverEarnings earnings;
	private final PushProperties properties;
	private final JsonMapper json;
	private final Clock clock;

	OfferPushes(SubscriptionRepository subscriptions, PushMessageRepository messages, Orders orders, ServiceAreas areas,
			DriverEarnings earnings, PushProperties properties, JsonMapper json, Clock clock) {
		this.subscriptions = subscriptions;
		this.messages = messages;
		this.orders = orders;
		this.areas = areas;
		this.earnings = earnings;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(OfferMade offer) {
		Instant now = clock.instant();
		if (!properties.enabled() || !offer.expiresAt().isAfter(now)) {
			return;
		}
		List<Subscription> browsers = subscriptions.ofDriver(offer.driverId());
		if (browsers.isEmpty()) {
			return;
		}
		orders.find(offer.orderId()).ifPresent(order -> {
			String payload = json.writeValueAsString(payloadOf(offer, order));
			browsers.forEach(browser -> messages.enqueue(Ids.newId(clock), browser.id(), offer.offerId(), payload,
					offer.expiresAt(), now));
		});
	}

	private OfferPayload payloadOf(OfferMade offer, Orders.Summary order) {
		return new OfferPayload("offer", offer.offerId(), offer.orderId(),
				areas.containing(order.lat(), order.lng()).map(ServiceAreas.Area::name).orElse(null),
				new OfferPayload.Window(order.windowStart(), order.windowEnd()), order.items().size(),
				earnings.estimate(order.id())
					.map(e -> new OfferPayload.Earnings(e.amountCents(), e.currency())).orElse(null),
				offer.expiresAt());
	}
}
