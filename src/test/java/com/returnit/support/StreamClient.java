package com.returnit.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/** A real WebSocket client of /v1/stream that collects every message it receives. */
public final class StreamClient implements AutoCloseable {

	private final WebSocket socket;
	private final BlockingQueue<JsonNode> received;

	private StreamClient(WebSocket socket, BlockingQueue<JsonNode> received) {
		this.socket = socket;
		this.received = received;
	}

	/** Connects with the token in the Authorization header; {@code query} may carry lastEventId or access_token. */
	public static StreamClient connect(int port, String token, String query) {
		BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
		WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder()
			.connectTimeout(Duration.ofSeconds(5));
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		WebSocket socket = builder
			.buildAsync(URI.create("ws://localhost:" + port + "/v1/stream" + query), new Collector(received))
			.join();
		return new StreamClient(socket, received);
	}

	public void send(String json) {
		socket.sendText(json, true).join();
	}

	public void subscribe(String orderId) {
		send("{\"action\":\"subscribe\",\"orderId\":\"" + orderId + "\"}");
	}

	/** The next message matching the predicate within the timeout; other messages stay queued. */
	public JsonNode await(Predicate<JsonNode> matching, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		List<JsonNode> skipped = new ArrayList<>();
		try {
			while (System.nanoTime() < deadline) {
				JsonNode next = received.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
				if (next == null) {
					break;
				}
				if (matching.test(next)) {
					return next;
				}
				skipped.add(next);
			}
			throw new AssertionError("No matching stream message within " + timeout + "; received " + skipped);
		}
		finally {
			received.addAll(skipped);
		}
	}

	public static Predicate<JsonNode> type(String type) {
		return message -> type.equals(message.path("type").asString(""));
	}

	public static Predicate<JsonNode> status(String status) {
		return type("order.status").and(message -> status.equals(message.path("data").path("status").asString("")));
	}

	@Override
	public void close() {
		socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
	}

	private static final class Collector implements WebSocket.Listener {

		private final BlockingQueue<JsonNode> messages;
		private final StringBuilder partial = new StringBuilder();

		Collector(BlockingQueue<JsonNode> messages) {
			this.messages = messages;
		}

		@Override
		public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
			partial.append(data);
			if (last) {
				messages.add(Api.JSON.readTree(partial.toString()));
				partial.setLength(0);
			}
			socket.request(1);
			return null;
		}
	}
}
