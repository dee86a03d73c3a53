package com.returnit.payments.internal.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Stripe adapter over real HTTP against a local stub that answers with recorded Stripe responses: a
 * requires_capture PaymentIntent, card errors, a 500, a response slower than the timeout.
 */
class StripeProviderTests {

	/** A request as the stub received it. */
	record Received(String method, String path, String idempotencyKey, String body) {
	}

	private static final String AUTHORIZED = """
			{"id": "pi_3QxRecorded", "object": "payment_intent", "amount": 1299, "amount_capturable": 1299,
			 "capture_method": "manual", "currency": "eur", "status": "requires_capture", "livemode": false}""";
	private static final String CAPTURED = """
			{"id": "pi_3QxRecorded", "object": "payment_intent", "amount": 1299, "amount_received": 1299,
			 "capture_method": "manual", "currency": "eur", "status": "succeeded", "livemode": false}""";
	private static final String REFUNDED = """
			{"id": "re_3QxRecorded", "object": "refund", "amount": 300, "currency": "eur",
			 "payment_intent": "pi_3QxRecorded", "status": "succeeded"}""";
	private static final String DECLINED = """
			{"error": {"type": "card_error", "code": "card_declined", "decline_code": "%s",
			 "message": "Your card was declined.", "param": "", "request_log_url": "https://dashboard.stripe.com/x"}}""";
	private static final String SERVER_ERROR = """
			{"error": {"type": "api_error", "message": "An unknown error occurred"}}""";

	private final List<Received> received = new CopyOnWriteArrayList<>();
	private HttpServer stub;
	private StripeProvider stripe;

	@BeforeEach
	void startStub() throws IOException {
		stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		stub.createContext("/", this::answer);
		stub.start();
		stripe = new StripeProvider(new StripeProvider.Settings("sk_test_recorded",
				"http://127.0.0.1:" + stub.getAddress().getPort(), Duration.ofMillis(1_000), Duration.ofMillis(1_000)));
	}

	@AfterEach
	void stopStub() {
		stub.stop(0);
	}

	@Test
	void anAuthorizationIsAManualCapturePaymentIntentSentWithTheIdempotencyKey() {
		ProviderResult result = stripe.execute(request(ProviderRequest.Operation.AUTHORIZE, "tok_visa"));

		assertThat(result).isEqualTo(new ProviderResult.Succeeded("pi_3QxRecorded", 0));
		Received call = received.getFirst();
		assertThat(call.path()).isEqualTo("/v1/payment_intents");
		assertThat(call.idempotencyKey()).isEqualTo("returnit:p1:authorize");
		assertThat(call.body()).contains("amount=1299", "currency=eur", "capture_method=manual", "confirm=true",
				"payment_method=tok_visa");
	}

	@Test
	void captureAndRefundActOnTheAuthorization() {
		assertThat(stripe.execute(request(ProviderRequest.Operation.CAPTURE, "pi_3QxRecorded")))
			.isEqualTo(new ProviderResult.Succeeded("pi_3QxRecorded", 0));
		assertThat(stripe.execute(new ProviderRequest(ProviderRequest.Operation.REFUND, "returnit:p1:refund:1", 300,
				"EUR", "pi_3QxRecorded"))).isEqualTo(new ProviderResult.Succeeded("re_3QxRecorded", 0));

		assertThat(received).extracting(Received::path).containsExactly("/v1/payment_intents/pi_3QxRecorded/capture",
				"/v1/refunds");
		assertThat(received.get(0).body()).contains("amount_to_capture=1299");
		assertThat(received.get(1).body()).contains("payment_intent=pi_3QxRecorded", "amount=300");
	}

	@Test
	void aCardErrorIsADeclineWithStripesDeclineCode() {
		assertThat(stripe.execute(request(ProviderRequest.Operation.AUTHORIZE, "tok_chargeDeclined")))
			.isEqualTo(new ProviderResult.Declined("generic_decline", "Your card was declined."));
		assertThat(stripe.execute(request(ProviderRequest.Operation.AUTHORIZE, "tok_insufficientFunds")))
			.isEqualTo(new ProviderResult.Declined("insufficient_funds", "Your card was declined."));
	}

	@Test
	void aServerErrorOrATimeoutIsNoAnswerAndTheRetryCarriesTheSameKey() {
		assertThatThrownBy(() -> stripe.execute(request(ProviderRequest.Operation.AUTHORIZE, "tok_error500")))
			.isInstanceOf(ProviderUnavailable.class);
		assertThatThrownBy(() -> stripe.execute(request(ProviderRequest.Operation.AUTHORIZE, "tok_slow")))
			.isInstanceOf(ProviderUnavailable.class);
		assertThatThrownBy(() -> stripe.lookup(request(ProviderRequest.Operation.AUTHORIZE, "tok_slow")))
			.isInstanceOf(ProviderUnavailable.class);

		assertThat(received).extracting(Received::idempotencyKey).containsOnly("returnit:p1:authorize");
	}

	@Test
	void afterRepeatedFailuresTheCircuitOpensAndStripeIsNoLongerCalled() {
		CircuitBreaker breaker = CircuitBreaker.of("payments-stripe", CircuitBreakerConfig.custom()
			.slidingWindowSize(4).minimumNumberOfCalls(2).failureRateThreshold(50)
			.waitDurationInOpenState(Duration.ofMinutes(1)).build());
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		GuardedProvider guarded = new GuardedProvider(stripe, breaker, meters);

		for (int i = 0; i < 2; i++) {
			assertThatThrownBy(() -> guarded.execute(request(ProviderRequest.Operation.AUTHORIZE, "tok_error500")))
				.isInstanceOf(ProviderUnavailable.class);
		}
		assertThatThrownBy(() -> guarded.execute(request(ProviderRequest.Operation.AUTHORIZE, "tok_visa")))
			.isInstanceOf(ProviderUnavailable.class).hasMessageContaining("circuit is open");

		assertThat(received).hasSize(2);
		assertThat(guarded.circuit()).isEqualTo(CircuitBreaker.State.OPEN);
		assertThat(meters.get("returnit.payments.failures").tag("reason", "circuit_open").counter().count()).isOne();
	}

	private static ProviderRequest request(ProviderRequest.Operation operation, String target) {
		return new ProviderRequest(operation, "returnit:p1:" + operation.code(), 1299, "EUR", target);
	}

	private void answer(HttpExchange exchange) throws IOException {
		String body = URLDecoder.decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
				StandardCharsets.UTF_8);
		String path = exchange.getRequestURI().getPath();
		received.add(new Received(exchange.getRequestMethod(), path,
				exchange.getRequestHeaders().getFirst("Idempotency-Key"), body));
		if (body.contains("payment_method=tok_slow")) {
			sleep(3_000);
		}
		if (body.contains("payment_method=tok_error500")) {
			respond(exchange, 500, SERVER_ERROR);
		}
		else if (body.contains("payment_method=tok_chargeDeclined")) {
			respond(exchange, 402, DECLINED.formatted("generic_decline"));
		}
		else if (body.contains("payment_method=tok_insufficientFunds")) {
			respond(exchange, 402, DECLINED.formatted("insufficient_funds"));
		}
		else if (path.endsWith("/capture")) {
			respond(exchange, 200, CAPTURED);
		}
		else if (path.equals("/v1/refunds")) {
			respond(exchange, 200, REFUNDED);
		}
		else {
			respond(exchange, 200, AUTHORIZED);
		}
	}

	private static void respond(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.getResponseHeaders().add("Request-Id", "req_recorded");
		try {
			exchange.sendResponseHeaders(status, bytes.length);
			exchange.getResponseBody().write(bytes);
		}
		catch (IOException e) {
			// the client gave up (the timeout case): nothing to answer
		}
		exchange.close();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
