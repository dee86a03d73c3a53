package com.returnit.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import com.returnit.support.WebhookReceiver;
import com.returnit.support.WebhookReceiver.Answer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * What a merchant's developers page does with an endpoint: send a test event, read what was sent and answered, pause
 * and resume it, reveal its secret; admins only.
 */
class WebhookDeveloperToolsTests extends EndToEndTest {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final WebhookReceiver receiver = new WebhookReceiver();

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void stopReceiver() {
		receiver.close();
	}

	@Test
	void aTestEventArrivesSignedAndTheLogShowsTheBodySentAndTheReceiversAnswer() {
		var merchant = fixtures.merchant("Testing Hooks Shop");
		// subscribed to one other type only: a test event goes to the endpoint it was sent to whatever it wants
		var endpoint = fixtures.webhookEndpoint(merchant, receiver.url("/test-hooks"), "order.cancelled");
		var other = fixtures.webhookEndpoint(merchant, receiver.url("/other"), "*");
		receiver.answering(Answer.withBody(200, "{\"received\":true}"));

		Api.Response sent = api.post("/v1/webhook-endpoints/" + endpoint.id() + "/test", merchant.apiKey(), "");

		assertThat(sent.status()).as(sent.body().toString()).isEqualTo(202);
		assertThat(sent.text("event")).isEqualTo("webhook.test");
		String deliveryId = sent.text("deliveryId");
		await().atMost(WAIT).until(() -> receiver.received("/test-hooks").size() == 1);
		WebhookReceiver.Received hook = receiver.received("/test-hooks").getFirst();
		new WebhookVerifier(endpoint.secret()).verify(hook.id(), hook.timestamp(), hook.signature(), hook.body());
		assertThat(hook.type()).isEqualTo("webhook.test");
		assertThat(hook.json().at("/data/endpointId").asString()).isEqualTo(endpoint.id());

		JsonNode delivery = await().atMost(WAIT).until(() -> deliveries(merchant, endpoint.id()),
				data -> data.size() == 1 && data.get(0).get("status").asString().equals("succeeded")).get(0);
		assertThat(delivery.get("id").asString()).isEqualTo(deliveryId);
		assertThat(delivery.get("eventId").asString()).isEqualTo(hook.id());
		assertThat(delivery.get("eventType").asString()).isEqualTo("webhook.test");
		assertThat(delivery.at("/request/body").asString()).as("byte for byte what was signed and sent")
			.isEqualTo(hook.body());
		assertThat(delivery.at("/attemptLog/0/statusCode").asInt()).isEqualTo(200);
		assertThat(delivery.at("/attemptLog/0/responseBody").asString()).isEqualTo("{\"received\":true}");
		assertThat(receiver.received("/other")).as("only the endpoint it was sent to").isEmpty();
		assertThat(deliveries(merchant, other.id())).isEmpty();
	}

	@Test
	void theLogKeepsTheFirst4KiBOfAnAnswerAndNullWhenThereIsNone() {
		var merchant = fixtures.merchant("Chatty Receiver Shop");
		var endpoint = fixtures.webhookEndpoint(merchant, receiver.url("/chatty"), "*");
		var quiet = fixtures.webhookEndpoint(merchant, receiver.url("/quiet"), "*");
		String longAnswer = "{\"error\":\"" + "x".repeat(10_000) + "\"}";
		receiver.answering(r -> r.path().equals("/chatty") ? new Answer(500, "3600", null, longAnswer)
				: Answer.status(204));

		api.post("/v1/webhook-endpoints/" + endpoint.id() + "/test", merchant.apiKey(), "");
		api.post("/v1/webhook-endpoints/" + quiet.id() + "/test", merchant.apiKey(), "");

		JsonNode failed = await().atMost(WAIT).until(() -> deliveries(merchant, endpoint.id()),
				data -> data.size() == 1 && data.get(0).get("attempts").asInt() == 1).get(0);
		assertThat(failed.get("status").asString()).isEqualTo("pending");
		assertThat(failed.at("/attemptLog/0/statusCode").asInt()).isEqualTo(500);
		assertThat(failed.at("/attemptLog/0/responseBody").asString()).hasSize(4096)
			.isEqualTo(longAnswer.substring(0, 4096));
		JsonNode answeredNothing = await().atMost(WAIT).until(() -> deliveries(merchant, quiet.id()),
				data -> data.size() == 1 && data.get(0).get("status").asString().equals("succeeded")).get(0);
		assertThat(answeredNothing.at("/attemptLog/0/responseBody").isNull()).isTrue();
	}

	@Test
	void aPausedEndpointReceivesNothingUntilItResumesThenGetsEverythingThatWaited() {
		var merchant = fixtures.merchant("Pausing Shop");
		var endpoint = fixtures.webhookEndpoint(merchant, receiver.url("/paused"), "*");
		String path = "/v1/webhook-endpoints/" + endpoint.id();

		Api.Response paused = api.send("PATCH", path, merchant.apiKey(), "{\"enabled\":false}");
		assertThat(paused.status()).as(paused.body().toString()).isEqualTo(200);
		assertThat(paused.text("status")).isEqualTo("paused");
		fixtures.order(fixtures.customer(), merchant);
		assertThat(api.post(path + "/test", merchant.apiKey(), "").status()).isEqualTo(202);

		// the worker polls every 50 ms in tests: a second is twenty chances to send what it must not
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
			.until(() -> receiver.received().isEmpty());
		JsonNode waiting = deliveries(merchant, endpoint.id());
		assertThat(waiting).hasSize(2);
		assertThat(waiting.findValues("status")).allMatch(s -> s.asString().equals("pending"));
		assertThat(waiting.findValues("attempts")).allMatch(a -> a.asInt() == 0);
		assertThat(api.get(path, merchant.apiKey()).text("status")).isEqualTo("paused");

		Api.Response resumed = api.send("PATCH", path, merchant.apiKey(), "{\"enabled\":true}");

		assertThat(resumed.text("status")).isEqualTo("enabled");
		await().atMost(WAIT).until(() -> receiver.received().size() == 2);
		assertThat(receiver.received()).extracting(WebhookReceiver.Received::type)
			.containsExactlyInAnyOrder("order.scheduled", "webhook.test");
		await().atMost(WAIT).until(() -> deliveries(merchant, endpoint.id()).findValues("status").stream()
			.allMatch(s -> s.asString().equals("succeeded")));
	}

	@Test
	void revealingTheSecretAnswersTheSigningSecretsAndIsAudited() {
		var merchant = fixtures.merchant("Revealing Shop");
		var admin = fixtures.member(jdbc, merchant.id(), fixtures.operatorToken(), "admin");
		var endpoint = fixtures.webhookEndpoint(merchant, receiver.url("/s"), "*");
		String path = "/v1/webhook-endpoints/" + endpoint.id();
		assertThat(api.get("/v1/webhook-endpoints", admin.token()).body().at("/data/0/secret").isNull())
			.as("the list does not carry secrets").isTrue();

		Api.Response revealed = api.get(path + "/secret", admin.token());

		assertThat(revealed.status()).as(revealed.body().toString()).isEqualTo(200);
		assertThat(revealed.body().toString()).isEqualTo("{\"secret\":\"" + endpoint.secret()
				+ "\",\"previousSecret\":null,\"previousExpiresAt\":null}");
		String rotated = api.post(path + "/rotate-secret", admin.token(), "").text("secret");
		Api.Response afterRotation = api.get(path + "/secret", admin.token());
		assertThat(afterRotation.text("secret")).isEqualTo(rotated);
		assertThat(afterRotation.text("previousSecret")).isEqualTo(endpoint.secret());
		assertThat(Duration.between(Instant.now(), Instant.parse(afterRotation.text("previousExpiresAt"))))
			.isBetween(Duration.ofHours(23), Duration.ofHours(24));
		JsonNode audited = api.get("/v1/audit-events?action=webhook_endpoint.secret_revealed&targetId=" + endpoint.id(),
				fixtures.operatorToken()).body().get("data");
		assertThat(audited).hasSize(2);
		assertThat(audited.get(0).get("actor").asString())
			.isEqualTo("merchant:" + merchant.id() + ":member:" + admin.id());
		assertThat(audited.toString()).doesNotContain(endpoint.secret()).doesNotContain(rotated);
	}

	@Test
	void theDeveloperToolsAreForAdminsAndAnotherMerchantsEndpointIsNotFound() {
		var merchant = fixtures.merchant("Staffed Hooks Shop");
		var admin = fixtures.member(jdbc, merchant.id(), fixtures.operatorToken(), "admin");
		var support = fixtures.member(jdbc, merchant.id(), admin.token(), "support");
		var other = fixtures.merchant("Other Hooks Shop");
		var endpoint = fixtures.webhookEndpoint(merchant, receiver.url("/staff"), "*");
		String path = "/v1/webhook-endpoints/" + endpoint.id();

		List<Api.Response> bySupport = List.of(api.get("/v1/webhook-endpoints", support.token()),
				api.get(path + "/secret", support.token()), api.post(path + "/test", support.token(), ""),
				api.send("PATCH", path, support.token(), "{\"enabled\":false}"),
				api.get(path + "/deliveries", support.token()),
				api.get("/v1/merchants/" + merchant.id() + "/api-keys", support.token()));
		for (Api.Response refused : bySupport) {
			assertThat(refused.status()).isEqualTo(403);
			assertThat(refused.contentType()).startsWith("application/problem+json");
		}
		assertThat(api.get(path + "/secret", other.apiKey()).status()).isEqualTo(404);
		assertThat(api.post(path + "/test", other.apiKey(), "").status()).isEqualTo(404);
		assertThat(jdbc.sql("SELECT count(*) FROM webhook_deliveries WHERE endpoint_id = CAST(:id AS uuid)")
			.param("id", endpoint.id()).query(Long.class).single()).isZero();
		assertThat(api.post(path + "/test", admin.token(), "").status()).isEqualTo(202);
		assertThat(api.send("PATCH", path, admin.token(), "{\"enabled\":false}").text("status")).isEqualTo("paused");
		assertThat(api.get(path + "/secret", admin.token()).text("secret")).isEqualTo(endpoint.secret());
		assertThat(api.get("/v1/audit-events?action=webhook_endpoint.paused&targetId=" + endpoint.id(),
				fixtures.operatorToken()).body().at("/data/0/actor").asString())
			.isEqualTo("merchant:" + merchant.id() + ":member:" + admin.id());
	}

	private JsonNode deliveries(Fixtures.MerchantRef merchant, String endpointId) {
		return api.get("/v1/webhook-endpoints/" + endpointId + "/deliveries", merchant.apiKey()).body().get("data");
	}
}
