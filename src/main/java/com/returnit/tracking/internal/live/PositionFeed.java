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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Every quarter second (on its own thread, so no other scheduled work delays it), sends each subscriber the newest
 * position of the driver of each order it follows, if it moved and a second has passed since the last one sent:
 * at most one position a second per subscription, and a fresh fix waits at most a quarter second. Positions are
 * read from PostgreSQL's truth through the locator, so it works the same whichever node received the ping.
 */
@Component
class PositionFeed implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(PositionFeed.class);
	private static final java.util.Set<String> DRIVEN = java.util.Set.of("assigned", "en_route", "picked_up");

	private final SubscriptionHub hub;
	private final Orders orders;
	private final DriverLocator locator;
	/** Which driver serves a followed order changes rarely: read it at most every few seconds per order. */
	private final Cache<UUID, Optional<UUID>> driverOfOrder = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofSeconds(3)).maximumSize(100_000).build();

	private final Duration interval;
	private volatile boolean running;
	private Thread thread;

	PositionFeed(SubscriptionHub hub, Orders orders, DriverLocator locator,
			@Value("${returnit.tracking.stream.position-interval:PT0.25S}") Duration interval) {
		this.hub = hub;
		this.orders = orders;
		this.locator = locator;
		this.interval = interval;
	}

	@Override
	public void start() {
		running = true;
		thread = Thread.ofPlatform().name("position-feed").daemon().start(this::loop);
	}

	@Override
	public void stop() {
		running = false;
		if (thread != null) {
			thread.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void loop() {
		while (running) {
			try {
				send();
				Thread.sleep(interval);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException e) {
				log.warn("Position feed round failed: {}", e.getMessage());
			}
		}
	}

	void send() {
		Map<UUID, Optional<Position>> positions = new HashMap<>();
		for (Subscriber subscriber : hub.all()) {
			long now = System.nanoTime();
			for (UUID orderId : subscriber.orders()) {
				positions.computeIfAbsent(orderId, this::driverPosition)
					.filter(position -> subscriber.positionIsDue(orderId, position.recordedAt(), now))
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
