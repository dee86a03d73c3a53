package com.returnit.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import com.returnit.support.WebhookReceiver;
import com.returnit.support.WebhookReceiver.Answer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Order events reach the merchant's receiver signed, in sequence, retried as the receiver asks, and logged. */
class WebhookDeliveryTests extends EndToEndTest {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final WebhookReceiver receiver = new WebhookReceiver();

	@AfterEach
	void stopReceiver() {
		receiver.close();
	}

	@Test
	void aBookingAndItsCancellationArriveSignedAndInSequence() {
		var merchant = fixtures.merchant("Webhook Shop");
		var endpoint = fixtures.webhookEndpoint(merchant, receiver.url("/hooks"), "*");
		var customer = fixtures.customer();

		String orderId = fixtures.order(customer, merchant);
		await().atMost(WAIT).until(() -> receiver.received().size() == 1);
		api.post("/v1/orders/" + orderId + "/cancel", customer.token(), Map.of("reason", "changed my mind"));
		await().atMost(WAIT).until(() -> receiver.received().size() == 2);

		WebhookVerifier verifier = new WebhookVerifier(endpoint.secret());
		for (WebhookReceiver.Received hook : receiver.received()) {
			verifier.verify(hook.id(), hook.timestamp(), hook.signature(), hook.body());
			assertThat(hook.json().get("id").asString()).isEqualTo(hook.id()).startsWith("evt_");
		}
		JsonNode scheduled = receiver.received().get(0).json();
		JsonNode cancelled = receiver.received().get(1).json();
		assertThat(scheduled.get("type").asString()).isEqualTo("order.scheduled");
		assertThat(scheduled.get("sequence").asLong()).isEqualTo(1);
		assertThat(scheduled.get("data").get("orderId").asString()).isEqualTo(orderId);
		assertThat(scheduled.get("data").get("itemCount").asInt()).isEqualTo(2);
		assertThat(scheduled.get("createdAt").asString()).isNotBlank();
		assertThat(cancelled.get("type").asString()).isEqualTo("order.cancelled");
		assertThat(cancelled.get("sequence").asLong()).isEqualTo(2);
		assertThat(cancelled.get("data").get("reason").asString()).isEqualTo("changed my mind");
	}

	@Test
	void anEndpointOnlyGetsTheTypesItSubscribedTo() {
		var merchant = fixtures.merchant("Picky Shop");
		fixtures.webhookEndpoint(merchant, receiver.url("/cancellations"), "order.cancelled");
		fixtures.webhookEndpoint(merchant, receiver.url("/all"), "*");
		var customer = fixtures.customer();

		String orderId = fixtures.order(customer, merchant);
		api.post("/v1/orders/" + orderId + "/cancel", customer.token(), Map.of("reason", "nope"));

		await().atMost(WAIT).until(() -> receiver.received("/all").size() == 2);
		await().atMost(WAIT).until(() -> receiver.received("/cancellations").size() == 1);
		assertThat(receiver.received("/cancellations").getFirst().type()).isEqualTo("order.cancelled");
	}

	@Test
	void aFailedAttemptIsLoggedAndRetriedNoSoonerThanRetryAfter() {
		var merchant = fixtures.merchant("Busy Shop");
		var endpoint = fixtures.webhookEndpoint(merchant, receiver.url("/busy"), "*");
		receiver.answering(new Answer(503, "3600"));

		fixtures.order(fixtures.customer(), merchant);

		JsonNode delivery = awaitDelivery(merchant, endpoint, d -> d.get("attempts").asInt() == 1);
		assertThat(delivery.get("status").asString()).isEqualTo("pending");
		assertThat(delivery.get("lastStatus").asInt()).isEqualTo(503);
		JsonNode attempt = delivery.get("attemptLog").get(0);
		assertThat(attempt.get("statusCode").asInt()).isEqualTo(503);
		assertThat(attempt.get("error").asString()).isEqualTo("HTTP 503");
		assertThat(attempt.get("latencyMs").asLong()).isNotNegative();
		Instant next = Instant.parse(delivery.get("nextAttemptAt").asString());
		assertThat(next).as("Retry-After: 3600 instead of the scheduled 5 s")
			.isAfter(Instant.parse(attempt.get("at").asString()).plusSeconds(3590));
	}

	@Test
	void a410DisablesTheEndpointAtOnceAndTheMerchantCanRedeliverAfterReEnablingIt() {
		var merchant = fixtures.merchant("Gone Shop");
		var endpoint = fixtures.webhookEndpoint(merchant, receiver.url("/gone"), "*");
		receiver.answering(Answer.status(410));

		fixtures.order(fixtures.customer(), merchant);
		JsonNode failed = awaitDelivery(merchant, endpoint, d -> d.get("status").asString().equals("failed"));
		Api.Response disabled = api.get("/v1/webhook-endpoints/" + endpoint.id(), merchant.apiKey());
		assertThat(disabled.text("status")).isEqualTo("disabled");
		assertThat(disabled.text("disabledReason")).contains("410");

		receiver.answering(Answer.status(200));
		api.send("PATCH", "/v1/webhook-endpoints/" + endpoint.id(), merchant.apiKey(), "{\"enabled\":true}");
		Api.Response redeliver = api.post("/v1/webhook-endpoints/" + endpoint.id() + "/deliveries/"
				+ failed.get("id").asString() + "/redeliver", merchant.apiKey(), "");

		assertThat(redeliver.status()).isEqualTo(202);
		JsonNode delivered = awaitDelivery(merchant, endpoint, d -> d.get("status").asString().equals("succeeded"));
		assertThat(delivered.get("attemptLog")).hasSize(2);
		assertThat(receiver.received()).hasSize(2).extracting(WebhookReceiver.Received::id).containsOnly(
				failed.get("eventId").asString());
	}

	@Test
	void everythingThatFailedSinceATimeIsRecovered() {
		var merchant = fixtures.merchant("Recovering Shop");
		var endpoint = fixtures.webhookEndpoint(merchant, receiver.url("/gone"), "*");
		receiver.answering(Answer.status(410));
		Instant before = Instant.now().minusSeconds(1);
		var customer = fixtures.customer();
		for (int failed = 1; failed <= 2; failed++) {
			fixtures.order(customer, merchant);
			int expected = failed;
			await().atMost(WAIT).until(() -> failed(merchant, endpoint) == expected);
			api.send("PATCH", "/v1/webhook-endpoints/" + endpoint.id(), merchant.apiKey(), "{\"enabled\":true}");
		}

		receiver.answering(Answer.status(204));
		Api.Response recovered = api.post("/v1/webhook-endpoints/" + endpoint.id() + "/recover", merchant.apiKey(),
				Map.of("since", before.toString()));

		assertThat(recovered.status()).isEqualTo(202);
		assertThat(recovered.body().get("recovered").asInt()).isEqualTo(2);
		await().atMost(WAIT).until(() -> deliveries(merchant, endpoint).findValues("status").stream()
			.allMatch(s -> s.asString().equals("succeeded")));
		assertThat(receiver.received().stream().map(WebhookReceiver.Received::id).distinct()).hasSize(2);
	}

	private long failed(Fixtures.MerchantRef merchant, Fixtures.EndpointRef endpoint) {
		return deliveries(merchant, endpoint).findValues("status").stream().filter(s -> s.asString().equals("failed"))
			.count();
	}

	@Test
	void afterARotationBothSecretsSignForADay() {
		var merchant = fixtures.merchant("Rotated Shop");
		var endpoint = fixtures.webhookEndpoint(merchant, receiver.url("/r"), "*");
		String newSecret = api.post("/v1/webhook-endpoints/" + endpoint.id() + "/rotate-secret", merchant.apiKey(), "")
			.text("secret");

		fixtures.order(fixtures.customer(), merchant);
		await().atMost(WAIT).until(() -> receiver.received().size() == 1);

		WebhookReceiver.Received hook = receiver.received().getFirst();
		assertThat(hook.signature().split(" ")).hasSize(2);
		new WebhookVerifier(endpoint.secret()).verify(hook.id(), hook.timestamp(), hook.signature(), hook.body());
		new WebhookVerifier(newSecret).verify(hook.id(), hook.timestamp(), hook.signature(), hook.body());
		assertThatThrownBy(() -> new WebhookVerifier("whsec_" + "QUJD".repeat(8)).verify(hook.id(), hook.timestamp(),
				hook.signature(), hook.body())).isInstanceOf(WebhookVerifier.VerificationFailed.class);
	}

	@Test
	void theDeliveryLogRefusesABadLimitOrStatus() {
		var merchant = fixtures.merchant("Log Shop");
		var endpoint = fixtures.webhookEndpoint(merchant, receiver.url("/l"), "*");

		Api.Response limit = api.get("/v1/webhook-endpoints/" + endpoint.id() + "/deliveries?limit=0", merchant.apiKey());
		Api.Response status = api.get("/v1/webhook-endpoints/" + endpoint.id() + "/deliveries?status=lost", merchant.apiKey());

		assertThat(limit.status()).isEqualTo(400);
		assertThat(limit.body().get("errors").get(0).get("field").asString()).isEqualTo("limit");
		assertThat(status.status()).isEqualTo(400);
		assertThat(status.body().get("errors").get(0).get("field").asString()).isEqualTo("status");
	}

	private JsonNode deliveries(Fixtures.MerchantRef merchant, Fixtures.EndpointRef endpoint) {
		return api.get("/v1/webhook-endpoints/" + endpoint.id() + "/deliveries", merchant.apiKey()).body().get("data");
	}

	private JsonNode awaitDelivery(Fixtures.MerchantRef merchant, Fixtures.EndpointRef endpoint,
			java.util.function.Predicate<JsonNode> condition) {
		return await().atMost(WAIT).until(() -> deliveries(merchant, endpoint),
				data -> data.size() == 1 && condition.test(data.get(0))).get(0);
	}
}
