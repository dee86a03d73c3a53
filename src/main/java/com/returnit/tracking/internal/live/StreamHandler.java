package com.returnit.tracking.internal.live;

import com.returnit.identity.Caller;
import com.returnit.orders.Orders;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /v1/stream}: clients subscribe to orders they may see (or operators to all, and to the whole fleet's
 * positions) and receive their status changes and driver positions. A refused subscription answers with an error message, never silence.
 */
@Component
class StreamHandler extends TextWebSocketHandler {

	private final SubscriptionHub hub;
	private final StreamLog streamLog;
	private final Orders orders;
	private final JsonMapper json;
	private final FleetFeed fleet;

	StreamHandler(SubscriptionHub hub, StreamLog streamLog, Orders orders, JsonMapper json, FleetFeed fleet) {
		this.hub = hub;
		this.fleet = fleet;
		this.streamLog = streamLog;
		this.orders = orders;
		this.json = json;
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) {
		Caller caller = caller(session).orElse(null);
		if (caller == null) {
			closeQuietly(session, CloseStatus.POLICY_VIOLATION);
			return;
		}
		hub.add(new Subscriber(session, caller, json));
	}

	@Override
	protected void handleTextMessage(WebSocketSession session, TextMessage message) {
		Subscriber subscriber = hub.get(session.getId()).orElse(null);
		if (subscriber == null) {
			return;
		}
		JsonNode request;
		try {
			request = json.readTree(message.getPayload());
		}
		catch (RuntimeException e) {
			subscriber.send(error(null, "Messages must be JSON, e.g. {\"action\":\"subscribe\",\"orderId\":\"...\"}."));
			return;
		}
		String action = request.path("action").asString("");
		switch (action) {
			case "subscribe" -> subscribe(subscriber, request, lastEventId(session));
			case "unsubscribe" -> orderId(request).ifPresent(subscriber::unfollow);
			default -> subscriber.send(error(null, "Unknown action '" + action + "': use subscribe or unsubscribe."));
		}
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
		hub.remove(session.getId());
	}

	private void subscribe(Subscriber subscriber, JsonNode request, long lastEventId) {
		if (request.path("fleet").asBoolean(false)) {
			if (!subscriber.caller().isOperator()) {
				subscriber.send(error(null, "Only operators may watch the whole fleet."));
				return;
			}
			subscriber.send(Map.of("type", "subscribed", "fleet", true));
			fleet.watch(subscriber);
			return;
		}
		if (request.path("all").asBoolean(false)) {
			if (!subscriber.caller().isOperator()) {
				subscriber.send(error(null, "Only operators may subscribe to all orders."));
				return;
			}
			subscriber.followAll();
			subscriber.send(Map.of("type", "subscribed", "all", true));
			return;
		}
		Optional<UUID> orderId = orderId(request);
		Optional<Orders.Summary> order = orderId.flatMap(id -> orders.findVisible(subscriber.caller(), id));
		if (order.isEmpty()) {
			subscriber.send(error(orderId.map(UUID::toString).orElse(null), "No such order."));
			return;
		}
		subscriber.follow(order.get().id());
		subscriber.send(Map.of("type", "subscribed", "orderId", order.get().id(), "data",
				Map.of("status", order.get().status())));
		if (lastEventId >= 0) {
			streamLog.after(order.get().id(), lastEventId).forEach(subscriber::send);
		}
	}

	private static Optional<UUID> orderId(JsonNode request) {
		try {
			return Optional.of(UUID.fromString(request.path("orderId").asString("")));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	private static long lastEventId(WebSocketSession session) {
		URI uri = session.getUri();
		if (uri == null) {
			return -1;
		}
		String value = UriComponentsBuilder.fromUri(uri).build().getQueryParams().getFirst("lastEventId");
		try {
			return value == null ? -1 : Long.parseLong(value);
		}
		catch (NumberFormatException e) {
			return -1;
		}
	}

	private static Map<String, Object> error(String orderId, String message) {
		return orderId == null ? Map.of("type", "error", "message", message)
				: Map.of("type", "error", "orderId", orderId, "message", message);
	}

	private static Optional<Caller> caller(WebSocketSession session) {
		return session.getPrincipal() instanceof Authentication authentication
				&& authentication.getPrincipal() instanceof Caller caller ? Optional.of(caller) : Optional.empty();
	}

	private static void closeQuietly(WebSocketSession session, CloseStatus status) {
		try {
			session.close(status);
		}
		catch (java.io.IOException e) {
			// the client is gone either way
		}
	}
}
