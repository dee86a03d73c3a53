package com.returnit.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * A merchant's webhook receiver: a real HTTP server on 127.0.0.1 that records every request it gets and answers as
 * the test tells it (a status, a Retry-After, or never, to play a hanging endpoint).
 */
public final class WebhookReceiver implements AutoCloseable {

	/** One request as received. */
	public record Received(String path, String id, String timestamp, String signature, String body, Instant at) {

		public JsonNode json() {
			return Api.JSON.readTree(body);
		}

		public String type() {
			return json().get("type").asString();
		}
	}

	/**
	 * How to answer: a status, optional Retry-After and body, or hold the request ({@link #HANG}, {@link #hangFor}).
	 */
	public record Answer(int status, String retryAfter, java.time.Duration hold, String body) {

		public Answer(int status, String retryAfter, java.time.Duration hold) {
			this(status, retryAfter, hold, null);
		}

		public Answer(int status, String retryAfter) {
			this(status, retryAfter, null);
		}

		public static Answer status(int status) {
			return new Answer(status, null);
		}

		/** A status with this body (sent as JSON). */
		public static Answer withBody(int status, String body) {
			return new Answer(status, null, null, body);
		}
	}

	/** Never answers while the receiver runs. */
	public static final Answer HANG = new Answer(-1, null, null);

	/** Holds the request this long, then drops the connection without an answer. */
	public static Answer hangFor(java.time.Duration hold) {
		return new Answer(-1, null, hold);
	}

	private final HttpServer server;
	private final List<Received> received = new CopyOnWriteArrayList<>();
	private final CountDownLatch closing = new CountDownLatch(1);
	private volatile Function<Received, Answer> answer = r -> Answer.status(204);
	private final java.util.concurrent.atomic.AtomicInteger hanging = new java.util.concurrent.atomic.AtomicInteger();
	private final java.util.concurrent.atomic.AtomicInteger mostHanging = new java.util.concurrent.atomic.AtomicInteger();

	public WebhookReceiver() {
		try {
			server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		server.createContext("/", this::handle);
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		server.start();
	}

	/** The URL of a path on this receiver, e.g. {@code url("/hooks")}. */
	public String url(String path) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + path;
	}

	public WebhookReceiver answering(Function<Received, Answer> answer) {
		this.answer = answer;
		return this;
	}

	public WebhookReceiver answering(Answer answer) {
		return answering(r -> answer);
	}

	public List<Received> received() {
		return List.copyOf(received);
	}

	public List<Received> received(String path) {
		return received.stream().filter(r -> r.path().equals(path)).toList();
	}

	/** The most requests this receiver held unanswered at the same time. */
	public int mostHangingAtOnce() {
		return mostHanging.get();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			Received request = new Received(exchange.getRequestURI().getPath(),
					exchange.getRequestHeaders().getFirst("webhook-id"),
					exchange.getRequestHeaders().getFirst("webhook-timestamp"),
					exchange.getRequestHeaders().getFirst("webhook-signature"),
					new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), Instant.now());
			received.add(request);
			Answer reply = answer.apply(request);
			if (reply.status() < 0) {
				mostHanging.accumulateAndGet(hanging.incrementAndGet(), Math::max);
				try {
					if (reply.hold() == null) {
						closing.await();
					}
					else {
						closing.await(reply.hold().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
					}
				}
				finally {
					hanging.decrementAndGet();
				}
				return;
			}
			if (reply.retryAfter() != null) {
				exchange.getResponseHeaders().add("Retry-After", reply.retryAfter());
			}
			if (reply.body() == null) {
				exchange.sendResponseHeaders(reply.status(), -1);
				return;
			}
			byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(reply.status(), body.length);
			exchange.getResponseBody().write(body);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		closing.countDown();
		server.stop(0);
	}
}
