package com.returnit.tracking.internal.live;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.returnit.orders.Orders;
import com.returnit.tracking.DriverLocator;
import com.returnit.tracking.Position;
import com.returnit.tracking.internal.PositionsCommitted;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends subscribers their drivers' positions, on its own thread so that no other work delays it (and a slow client
 * delays no other work). Positions are pushed as soon as any node commits them ({@link PositionsCommitted}, heard on
 * the fan-out) to the subscriptions following that driver's orders. A fix that comes less than a second after the
 * last one sent to a subscription is held and sent the moment the second is up (unless a newer one went first); and
 * every quarter second a full round sends each subscriber the newest position of each followed order's driver that it
 * has not had yet (a new subscription). Either way at most one position a second per subscription.
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
	private final JsonMapper json;
	private final BlockingQueue<List<Position>> committed = new LinkedBlockingQueue<>(10_000);
	/** Who follows each driver's orders, as of the last full round. */
	private volatile Map<UUID, List<Follower>> followersByDriver = Map.of();
	private volatile boolean running;
	private Thread thread;

	private record Follower(Subscriber subscriber, UUID orderId) {
	}

	/** A fix held back for a subscription until its one-a-second allowance lets it go. */
	private record Held(Follower follower, Position position, TextMessage message, long dueNanos) {
	}

	private static final int MAX_HELD = 200_000;

	/** Only the feed thread touches it: soonest due first, and of those the newest fix first. */
	private final PriorityQueue<Held> held = new PriorityQueue<>(Comparator.comparingLong(Held::dueNanos)
		.thenComparing(h -> h.position().recordedAt(), Comparator.reverseOrder()));

	PositionFeed(SubscriptionHub hub, Orders orders, DriverLocator locator, JsonMapper json,
			@Value("${returnit.tracking.stream.position-interval:PT0.25S}") Duration interval) {
		this.json = json;
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

	/** Positions committed by any node: queued for the feed thread, dropped if it is that far behind. */
	@EventListener
	void on(PositionsCommitted positions) {
		committed.offer(positions.positions());
	}

	private void loop() {
		long nextRound = 0;
		while (running) {
			try {
				if (System.nanoTime() - nextRound >= 0) {
					send();
					nextRound = System.nanoTime() + interval.toNanos();
				}
				long wakeAt = held.isEmpty() ? nextRound : Math.min(nextRound, held.peek().dueNanos());
				List<Position> positions = committed.poll(Math.max(0, wakeAt - System.nanoTime()),
						TimeUnit.NANOSECONDS);
				if (positions != null) {
					push(positions);
				}
				release(System.nanoTime());
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

	/** A full round over every subscription, which also rebuilds who follows which driver. */
	void send() {
		Map<UUID, Optional<UUID>> drivers = new HashMap<>();
		Map<UUID, List<Follower>> followers = new HashMap<>();
		for (Subscriber subscriber : hub.all()) {
			long now = System.nanoTime();
			for (UUID orderId : subscriber.orders()) {
				drivers.computeIfAbsent(orderId, this::driverOf).ifPresent(driverId -> {
					followers.computeIfAbsent(driverId, id -> new ArrayList<>()).add(new Follower(subscriber, orderId));
					locator.latest(driverId)
						.filter(position -> subscriber.positionIsDue(orderId, position.recordedAt(), now))
						.ifPresent(position -> subscriber.send(event(orderId, position)));
				});
			}
		}
		followersByDriver = followers;
	}

	/**
	 * Committed positions straight to the subscriptions following their drivers; each order's message is written once
	 * and the same bytes go to all its followers.
	 */
	void push(List<Position> positions) {
		Map<UUID, List<Follower>> followers = followersByDriver;
		long now = System.nanoTime();
		for (Position position : positions) {
			Map<UUID, TextMessage> messages = new HashMap<>();
			for (Follower follower : followers.getOrDefault(position.driverId(), List.of())) {
				Subscriber subscriber = follower.subscriber();
				if (subscriber.positionIsDue(follower.orderId(), position.recordedAt(), now)) {
					subscriber.send(message(messages, follower.orderId(), position));
				}
				else if (held.size() < MAX_HELD) {
					subscriber.positionAllowedAt(follower.orderId(), position.recordedAt())
						.ifPresent(due -> held.add(new Held(follower, position,
								message(messages, follower.orderId(), position), due)));
				}
			}
		}
	}

	/** Held fixes whose second is up; one that a newer fix overtook in the meantime is dropped. */
	void release(long now) {
		while (!held.isEmpty() && held.peek().dueNanos() - now <= 0) {
			Held next = held.poll();
			Subscriber subscriber = next.follower().subscriber();
			if (subscriber.positionIsDue(next.follower().orderId(), next.position().recordedAt(), now)) {
				subscriber.send(next.message());
			}
		}
	}

	private TextMessage message(Map<UUID, TextMessage> messages, UUID orderId, Position position) {
		return messages.computeIfAbsent(orderId,
				id -> new TextMessage(json.writeValueAsString(event(id, position))));
	}

	private Optional<UUID> driverOf(UUID orderId) {
		return driverOfOrder.get(orderId, id -> orders.find(id)
			.filter(order -> order.driverId() != null && DRIVEN.contains(order.status()))
			.map(Orders.Summary::driverId));
	}

	private static StreamEvent event(UUID orderId, Position position) {
		return new StreamEvent("pos-" + position.recordedAt().toEpochMilli(), "driver.position", orderId,
				Map.of("lat", position.lat(), "lng", position.lng(), "at", position.recordedAt().toString()));
	}
}
