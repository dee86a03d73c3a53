package com.returnit.tracking.internal.live;

import com.returnit.identity.Caller;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import tools.jackson.databind.json.JsonMapper;

/**
 * One connected client: who it is, what it follows, and a send path that never blocks the sender on a slow client
 * (bounded buffer and send time; a client too slow for both is disconnected).
 */
final class Subscriber {

	private static final Logger log = LoggerFactory.getLogger(Subscriber.class);
	private static final int SEND_TIME_LIMIT_MS = 5_000;
	private static final int BUFFER_LIMIT_BYTES = 256 * 1024;

	private final WebSocketSession session;
	private final Caller caller;
	private final JsonMapper json;
	private final Set<UUID> orders = ConcurrentHashMap.newKeySet();
	/** Per followed order: the fix last sent and when it was sent. */
	private record Sent(Instant recordedAt, long sentAtNanos) {
	}

	private static final long ONE_SECOND_NANOS = 1_000_000_000L;

	private final Map<UUID, Sent> lastPositionSent = new ConcurrentHashMap<>();
	private volatile boolean all;
	private volatile boolean fleet;

	Subscriber(WebSocketSession session, Caller caller, JsonMapper json) {
		this.session = new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, BUFFER_LIMIT_BYTES);
		this.caller = caller;
		this.json = json;
	}

	Caller caller() {
		return caller;
	}

	String id() {
		return session.getId();
	}

	Set<UUID> orders() {
		return orders;
	}

	boolean follows(UUID orderId) {
		return all || orders.contains(orderId);
	}

	void followAll() {
		all = true;
	}

	/** Operators: every on-shift driver's position, once a second ({@link FleetFeed}). */
	void followFleet() {
		fleet = true;
	}

	boolean followsFleet() {
		return fleet;
	}

	void follow(UUID orderId) {
		orders.add(orderId);
	}

	void unfollow(UUID orderId) {
		orders.remove(orderId);
		lastPositionSent.remove(orderId);
	}

	/**
	 * True, and remembered as sent, when this fix is newer than the last one sent for the order and at least a
	 * second has passed since then: at most one position a second per subscription, however often it is asked.
	 */
	boolean positionIsDue(UUID orderId, Instant recordedAt, long nowNanos) {
		Sent previous = lastPositionSent.get(orderId);
		if (previous != null && (!recordedAt.isAfter(previous.recordedAt())
				|| nowNanos - previous.sentAtNanos() < ONE_SECOND_NANOS)) {
			return false;
		}
		lastPositionSent.put(orderId, new Sent(recordedAt, nowNanos));
		return true;
	}

	/**
	 * When a fix held back by the one-a-second allowance may be sent (a {@code System.nanoTime()} value), or empty when
	 * it never may: it is not newer than the last fix sent for the order.
	 */
	OptionalLong positionAllowedAt(UUID orderId, Instant recordedAt) {
		Sent previous = lastPositionSent.get(orderId);
		if (previous == null) {
			return OptionalLong.of(Long.MIN_VALUE);
		}
		return recordedAt.isAfter(previous.recordedAt()) ? OptionalLong.of(previous.sentAtNanos() + ONE_SECOND_NANOS)
				: OptionalLong.empty();
	}

	void send(Object message) {
		send(new TextMessage(json.writeValueAsString(message)));
	}

	/** A message already serialized, to send the same one to many subscribers without writing it each time. */
	void send(TextMessage message) {
		if (!session.isOpen()) {
			return;
		}
		try {
			session.sendMessage(message);
		}
		catch (IOException | IllegalStateException e) {
			log.debug("Dropping slow or closed stream client {}: {}", session.getId(), e.getMessage());
			close();
		}
	}

	void close() {
		try {
			session.close();
		}
		catch (IOException e) {
			log.debug("Closing stream client {} failed: {}", session.getId(), e.getMessage());
		}
	}
}
