package com.returnit.tracking.internal.live;

import com.returnit.tracking.DriverLocator;
import com.returnit.tracking.Position;
import com.returnit.tracking.internal.PositionsCommitted;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole fleet for operators who subscribe with {@code {"action":"subscribe","fleet":true}} (the dispatch
 * console): every on-shift driver's newest position, whatever they drive, gathered from the positions any node
 * commits and sent once a second as {@code fleet.positions} messages of at most {@value #PER_MESSAGE} drivers. One
 * message a second however many drivers move, written once for all watchers: no polling, and no message per driver.
 * A new watcher first gets every on-shift driver's position ({@link #watch}). Positions are only gathered while
 * someone on this node watches.
 */
@Component
class FleetFeed implements SmartLifecycle {

	static final int PER_MESSAGE = 500;
	private static final Logger log = LoggerFactory.getLogger(FleetFeed.class);

	private final SubscriptionHub hub;
	private final DriverLocator locator;
	private final JsonMapper json;
	private final Duration interval;
	/** The newest position of each driver that moved since the last round. */
	private final Map<UUID, Position> moved = new ConcurrentHashMap<>();
	private volatile boolean watched;
	/** When {@link #watch} last ran ({@code System.nanoTime()}): a round that began before it must not unset {@link #watched}. */
	private volatile long lastWatchNanos = System.nanoTime() - Duration.ofDays(1).toNanos();
	private volatile boolean running;
	private Thread thread;

	FleetFeed(SubscriptionHub hub, DriverLocator locator, JsonMapper json,
			@Value("${returnit.tracking.stream.fleet-interval:PT1S}") Duration interval) {
		this.hub = hub;
		this.locator = locator;
		this.json = json;
		this.interval = interval;
	}

	@EventListener
	void on(PositionsCommitted committed) {
		if (!watched) {
			return;
		}
		for (Position position : committed.positions()) {
			moved.merge(position.driverId(), position,
					(before, after) -> after.recordedAt().isAfter(before.recordedAt()) ? after : before);
		}
	}

	/**
	 * A new watcher: from now on positions are gathered (not only from the next round), and it is sent every on-shift
	 * driver's position at once, so that nothing committed while it was connecting (or reconnecting) is missing.
	 */
	void watch(Subscriber watcher) {
		watcher.followFleet();
		lastWatchNanos = System.nanoTime();
		watched = true;
		List<Position> all = locator.onShiftPositions();
		for (int from = 0; from < all.size(); from += PER_MESSAGE) {
			watcher.send(message(all.subList(from, Math.min(all.size(), from + PER_MESSAGE))));
		}
	}

	/** One round: the positions gathered since the last one, to every fleet watcher on this node. */
	void send() {
		long began = System.nanoTime();
		List<Subscriber> watchers = hub.all().stream().filter(Subscriber::followsFleet).toList();
		watched = !watchers.isEmpty() || lastWatchNanos - began >= -interval.toNanos();
		if (watchers.isEmpty()) {
			// nobody to send to: drop what was gathered, unless a watcher is just arriving (it gets it next round)
			if (!watched) {
				moved.clear();
			}
			return;
		}
		if (moved.isEmpty()) {
			return;
		}
		List<Position> positions = new ArrayList<>(moved.size());
		for (UUID driverId : List.copyOf(moved.keySet())) {
			Position position = moved.remove(driverId);
			if (position != null) {
				positions.add(position);
			}
		}
		for (int from = 0; from < positions.size(); from += PER_MESSAGE) {
			TextMessage message = message(positions.subList(from, Math.min(positions.size(), from + PER_MESSAGE)));
			watchers.forEach(watcher -> watcher.send(message));
		}
	}

	private TextMessage message(List<Position> positions) {
		List<Map<String, Object>> data = positions.stream()
			.<Map<String, Object>>map(p -> Map.of("driverId", p.driverId(), "lat", p.lat(), "lng", p.lng(), "at",
					p.recordedAt().toString()))
			.toList();
		return new TextMessage(json.writeValueAsString(Map.of("type", "fleet.positions", "data",
				Map.of("positions", data))));
	}

	@Override
	public void start() {
		running = true;
		thread = Thread.ofPlatform().name("fleet-feed").daemon().start(() -> {
			while (running) {
				try {
					Thread.sleep(interval);
					send();
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return;
				}
				catch (RuntimeException e) {
					log.warn("Fleet feed round failed: {}", e.getMessage());
				}
			}
		});
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
}
