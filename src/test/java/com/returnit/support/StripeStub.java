package com.returnit.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for api.stripe.com over real HTTP, answering with recorded Stripe responses: PaymentIntents with
 * manual capture (authorize, capture, cancel), refunds and Connect transfers. Like Stripe it keeps the answer to each
 * idempotency key and replays it to a repeated request without doing anything twice (answers of 5xx are not kept,
 * so that a retry after a server error is tried again). Test card tokens: {@code tok_chargeDeclined},
 * {@code tok_insufficientFunds} (402 card errors), {@code tok_error500} (a 500), {@code tok_slow} (answered after
 * the delay); a transfer to {@code acct_missing...} is Stripe's 400 "No such destination".
 */
public final class StripeStub implements AutoCloseable {

	/** A request as the stub received it, with the status it answered and whether it was a replay. */
	public record Received(String method, String path, String idempotencyKey, String body, int status,
			boolean replayed) {
	}

	private record Answer(int status, String json) {
	}

	private static final String AUTHORIZED = """
			{"id": "%s", "object": "payment_intent", "amount": %s, "amount_capturable": %s, "capture_method": "manual",
			 "currency": "%s", "status": "requires_capture", "livemode": false}""";
	private static final String CAPTURED = """
			{"id": "%s", "object": "payment_intent", "amount_received": %s, "capture_method": "manual",
			 "status": "succeeded", "livemode": false, "latest_charge": %s}""";
	/** The charge with its balance transaction, as Stripe expands it: Stripe's EU card fee, 1.5 % + 0.25. */
	private static final String CHARGE_SETTLED = """
			{"id": "ch_3QxRecorded", "object": "charge", "amount_captured": %1$s, "captured": true,
			 "balance_transaction": {"id": "txn_3QxRecorded", "object": "balance_transaction", "amount": %1$s,
			  "fee": %2$s, "net": %3$s, "currency": "eur", "status": "pending", "type": "charge"}}""";
	private static final String CANCELED = """
			{"id": "%s", "object": "payment_intent", "capture_method": "manual", "status": "canceled",
			 "cancellation_reason": null, "livemode": false}""";
	private static final String REFUNDED = """
			{"id": "%s", "object": "refund", "amount": %s, "payment_intent": "%s", "status": "succeeded"}""";
	private static final String TRANSFERRED = """
			{"id": "%s", "object": "transfer", "amount": %s, "amount_reversed": 0, "currency": "%s",
			 "destination": "%s", "destination_payment": "py_1MiN3gQ9PRzxEwkZ", "livemode": false, "metadata": {},
			 "reversed": false, "source_type": "card", "transfer_group": "%s"}""";
	private static final String DECLINED = """
			{"error": {"type": "card_error", "code": "card_declined", "decline_code": "%s",
			 "message": "Your card was declined.", "param": "", "request_log_url": "https://dashboard.stripe.com/x"}}""";
	private static final String NO_SUCH_DESTINATION = """
			{"error": {"type": "invalid_request_error", "code": "resource_missing", "param": "destination",
			 "message": "No such destination: '%s'", "doc_url": "https://stripe.com/docs/error-codes/resource-missing"}}""";
	private static final String SERVER_ERROR = """
			{"error": {"type": "api_error", "message": "An unknown error occurred"}}""";
	private static final Pattern INTENT_ACTION = Pattern.compile("^/v1/payment_intents/([^/]+)/(capture|cancel)$");

	private final HttpServer server;
	private final List<Received> received = new CopyOnWriteArrayList<>();
	private final Map<String, Answer> answers = new ConcurrentHashMap<>();
	private final Map<String, AtomicInteger> slow = new ConcurrentHashMap<>();
	private final AtomicInteger ids = new AtomicInteger();
	private final Duration delay;

	private StripeStub(Duration delay) throws IOException {
		this.delay = delay;
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", this::answer);
		server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
		server.start();
	}

	/** A stub that answers slow requests after {@code delay}, beyond the client's read timeout. */
	public static StripeStub start(Duration delay) {
		try {
			return new StripeStub(delay);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	public List<Received> received() {
		return List.copyOf(received);
	}

	/** The next {@code times} requests whose form body contains {@code fragment} are done, but answered late. */
	public void answerSlowly(String fragment, int times) {
		slow.put(fragment, new AtomicInteger(times));
	}

	/** Requests to {@code path} that did something (a 2xx that was not a replay). */
	public long done(String path) {
		return received.stream().filter(r -> r.path().equals(path) && !r.replayed() && r.status() / 100 == 2).count();
	}

	@Override
	public void close() {
		server.stop(0);
	}

	private void answer(HttpExchange exchange) throws IOException {
		String body = URLDecoder.decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
				StandardCharsets.UTF_8);
		String path = exchange.getRequestURI().getPath();
		String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
		Answer kept = key == null ? null : answers.get(key);
		Answer answer = kept != null ? kept : route(path, form(body));
		if (kept == null && key != null && answer.status() < 500) {
			answers.put(key, answer);
		}
		received.add(new Received(exchange.getRequestMethod(), path, key, body, answer.status(), kept != null));
		if (kept == null && (body.contains("payment_method=tok_slow") || takeSlow(body))) {
			sleep(delay);
		}
		respond(exchange, answer);
	}

	/** Stripe's fee on a captured amount: 1.5 % (rounded) plus 25 cents. */
	public static long feeOn(long amountCents) {
		return Math.round(amountCents * 0.015) + 25;
	}

	private static String charge(String amount, boolean expanded) {
		if (!expanded) {
			return "\"ch_3QxRecorded\"";
		}
		long captured = Long.parseLong(amount);
		return CHARGE_SETTLED.formatted(captured, feeOn(captured), captured - feeOn(captured));
	}

	private Answer route(String path, Map<String, String> form) {
		Matcher action = INTENT_ACTION.matcher(path);
		if (path.equals("/v1/payment_intents")) {
			return switch (form.getOrDefault("payment_method", "")) {
				case "tok_error500" -> new Answer(500, SERVER_ERROR);
				case "tok_chargeDeclined" -> new Answer(402, DECLINED.formatted("generic_decline"));
				case "tok_insufficientFunds" -> new Answer(402, DECLINED.formatted("insufficient_funds"));
				default -> new Answer(200, AUTHORIZED.formatted(id("pi_3QxRecorded"), form.get("amount"),
						form.get("amount"), form.get("currency")));
			};
		}
		if (action.matches()) {
			return action.group(2).equals("capture")
					? new Answer(200, CAPTURED.formatted(action.group(1), form.get("amount_to_capture"),
							charge(form.get("amount_to_capture"), form.containsValue("latest_charge.balance_transaction"))))
					: new Answer(200, CANCELED.formatted(action.group(1)));
		}
		if (path.equals("/v1/refunds")) {
			return new Answer(200, REFUNDED.formatted(id("re_3QxRecorded"), form.get("amount"),
					form.get("payment_intent")));
		}
		if (path.equals("/v1/transfers")) {
			String destination = form.getOrDefault("destination", "");
			return destination.startsWith("acct_missing") ? new Answer(400, NO_SUCH_DESTINATION.formatted(destination))
					: new Answer(200, TRANSFERRED.formatted(id("tr_1MiN3gLkdIwHu7ix"), form.get("amount"),
							form.get("currency"), destination, form.get("transfer_group")));
		}
		return new Answer(404, """
				{"error": {"type": "invalid_request_error", "message": "Unrecognized request URL (%s)"}}"""
			.formatted(path));
	}

	private String id(String prefix) {
		int n = ids.incrementAndGet();
		return n == 1 ? prefix : prefix + n;
	}

	private boolean takeSlow(String body) {
		return slow.entrySet().stream().anyMatch(e -> body.contains(e.getKey()) && e.getValue().getAndDecrement() > 0);
	}

	private static Map<String, String> form(String body) {
		Map<String, String> form = new java.util.HashMap<>();
		for (String pair : body.split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				form.put(pair.substring(0, eq), pair.substring(eq + 1));
			}
		}
		return form;
	}

	private static void respond(HttpExchange exchange, Answer answer) {
		byte[] bytes = answer.json().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.getResponseHeaders().add("Request-Id", "req_recorded");
		try {
			exchange.sendResponseHeaders(answer.status(), bytes.length);
			exchange.getResponseBody().write(bytes);
		}
		catch (IOException e) {
			// the client gave up (the timeout case): nothing to answer
		}
		exchange.close();
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
