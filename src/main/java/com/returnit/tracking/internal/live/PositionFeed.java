package com.returnit.tracking.internal.live;

import com.returnit.orders.Orders;
import com.returnit.tracking.DriverLocator;
import com.returnit.tracking.Position;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Once a second, sends each subscriber the newest position of the driver of each order it follows, if it moved
 * since the last one sent: at most one position a second per subscription, read from PostgreSQL's truth through
 * the locator, so it works the same whichever node received the ping.
 */
@Component
class PositionFeed {

	private static final java.util.Set<String> DRIVEN = java.util.Set.of("assigned", "en_route", "picked_up");

	private final SubscriptionHub hub;
	private final Orders orders;
	private final DriverLocator locator;
	/** Which driver serves a followed order changes rarely: read it at most every few seconds per order. */
	private final Cache<UUID, Optional<UUID>> driverOfOrder = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofSeconds(3)).maximumSize(100_000).build();

	PositionFeed(SubscriptionHub hub, Orders orders, DriverLocator locator) {
		this.hub = hub;
		this.orders = orders;
		this.locator = locator;
	}

	@Scheduled(fixedDelayString = "${returnit.tracking.stream.position-interval:PT1S}")
	void send() {
		Map<UUID, Optional<Position>> positions = new HashMap<>();
		for (Subscriber subscriber : hub.all()) {
			for (UUID orderId : subscriber.orders()) {
				positions.computeIfAbsent(orderId, this::driverPosition)
					.filter(position -> subscriber.positionIsNew(orderId, position.recordedAt()))
					.ifPresent(position -> subscriber.send(event(orderId, position)));
			}
		}
	}

	private Optional<Position> driverPosition(UUID orderId) {
		return driverOfOrder.get(orderId, id -> orders.find(id)
			.filter(order -> order.driverId() != null && DRIVEN.contains(order.status()))
			.map(Orders.Summary::driverId))
			.flatMap(locator::latest);
	}

	private static StreamEvent event(UUID orderId, Position position) {
		return new StreamEvent("pos-" + position.recordedAt().toEpochMilli(), "driver.position", orderId,
				Map.of("lat", position.lat(), "lng", position.lng(), "at", position.recordedAt().toString()));
	}
}
