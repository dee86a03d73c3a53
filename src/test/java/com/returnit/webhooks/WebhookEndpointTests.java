package com.returnit.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Merchants register, change, rotate and delete their endpoints; URLs that could reach inside are refused. */
class WebhookEndpointTests extends EndToEndTest {

	@Test
	void aMerchantRegistersAnEndpointAndGetsItsSigningSecretOnce() {
		var merchant = fixtures.merchant("Hooked Shop");

		Api.Response created = api.post("/v1/webhook-endpoints", merchant.apiKey(), Map.of("url",
				"http://127.0.0.1:9/hooks", "events", List.of("order.scheduled", "order.picked_up"), "description", "ERP"));

		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		assertThat(created.text("secret")).startsWith("whsec_");
		assertThat(created.text("status")).isEqualTo("enabled");
		String id = created.text("id");
		Api.Response fetched = api.get("/v1/webhook-endpoints/" + id, merchant.apiKey());
		assertThat(fetched.status()).isEqualTo(200);
		assertThat(fetched.body().get("secret").isNull()).as("the secret is shown only when made").isTrue();
		assertThat(fetched.body().get("events").toString()).isEqualTo("[\"order.scheduled\",\"order.picked_up\"]");
		assertThat(api.get("/v1/webhook-endpoints", merchant.apiKey()).body().get("data")).hasSize(1);
	}

	@Test
	void aMerchantChangesPausesAndDeletesItsEndpoint() {
		var merchant = fixtures.merchant("Changing Shop");
		var endpoint = fixtures.webhookEndpoint(merchant, "http://127.0.0.1:9/a", "*");

		Api.Response changed = api.send("PATCH", "/v1/webhook-endpoints/" + endpoint.id(), merchant.apiKey(),
				"{\"url\":\"http://127.0.0.1:9/b\",\"events\":[\"order.failed\"],\"enabled\":false}");

		assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
		assertThat(changed.text("url")).isEqualTo("http://127.0.0.1:9/b");
		assertThat(changed.text("status")).isEqualTo("paused");
		assertThat(changed.body().get("disabledReason").isNull()).isTrue();
		assertThat(api.delete("/v1/webhook-endpoints/" + endpoint.id(), merchant.apiKey()).status()).isEqualTo(204);
		assertThat(api.get("/v1/webhook-endpoints/" + endpoint.id(), merchant.apiKey()).status()).isEqualTo(404);
	}

	@Test
	void rotatingTheSecretAnswersANewOne() {
		var merchant = fixtures.merchant("Rotating Shop");
		var endpoint = fixtures.webhookEndpoint(merchant, "http://127.0.0.1:9/a", "*");

		Api.Response rotated = api.post("/v1/webhook-endpoints/" + endpoint.id() + "/rotate-secret", merchant.apiKey(), "");

		assertThat(rotated.status()).isEqualTo(200);
		assertThat(rotated.text("secret")).startsWith("whsec_").isNotEqualTo(endpoint.secret());
	}

	@ParameterizedTest(name = "{0} is refused: {1}")
	@CsvSource(delimiter = '|', value = {
		"http://example.com/hooks        | must use https",
		"https://localhost/hooks         | loopback",
		"https://127.0.0.2/hooks         | loopback",
		"https://[::1]/hooks             | loopback",
		"https://10.1.2.3/hooks          | private",
		"https://192.168.0.10/hooks      | private",
		"https://172.16.5.4/hooks        | private",
		"https://169.254.169.254/latest  | link-local",
		"https://100.64.0.1/hooks        | carrier-grade NAT",
		"https://[fd00:ec2::254]/hooks   | metadata",
		"https://0.0.0.0/hooks           | unspecified",
		"ftp://example.com/hooks         | absolute https URL",
		"not a url                       | valid URL",
		"https://user:pw@example.com/x   | user name",
		"https://no-such-host.invalid/x  | does not resolve" })
	void urlsThatCouldReachInsideOrAreNotHttpsAreRefused(String url, String reason) {
		var merchant = fixtures.merchant("SSRF Shop");

		Api.Response response = api.post("/v1/webhook-endpoints", merchant.apiKey(),
				Map.of("url", url, "events", List.of("*")));

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo("url");
		assertThat(response.body().get("errors").get(0).get("message").asString()).contains(reason);
	}

	@Test
	void unknownEventTypesAndMissingFieldsAreNamed() {
		var merchant = fixtures.merchant("Typo Shop");

		Api.Response unknown = api.post("/v1/webhook-endpoints", merchant.apiKey(),
				Map.of("url", "http://127.0.0.1:9/a", "events", List.of("order.scheduled", "order.teleported")));
		Api.Response missing = api.post("/v1/webhook-endpoints", merchant.apiKey(), Map.of("events", List.of("*")));
		Api.Response empty = api.post("/v1/webhook-endpoints", merchant.apiKey(),
				Map.of("url", "http://127.0.0.1:9/a", "events", List.of()));

		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.body().get("errors").get(0).get("field").asString()).isEqualTo("events[1]");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.body().get("errors").get(0).get("field").asString()).isEqualTo("url");
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.body().get("errors").get(0).get("field").asString()).isEqualTo("events");
	}

	@Test
	void anotherMerchantsEndpointDoesNotExistForYou() {
		var owner = fixtures.merchant("Owner Shop");
		var other = fixtures.merchant("Nosy Shop");
		var endpoint = fixtures.webhookEndpoint(owner, "http://127.0.0.1:9/a", "*");
		String path = "/v1/webhook-endpoints/" + endpoint.id();

		assertThat(api.get(path, other.apiKey()).status()).isEqualTo(404);
		assertThat(api.send("PATCH", path, other.apiKey(), "{\"enabled\":false}").status()).isEqualTo(404);
		assertThat(api.post(path + "/rotate-secret", other.apiKey(), "").status()).isEqualTo(404);
		assertThat(api.get(path + "/deliveries", other.apiKey()).status()).isEqualTo(404);
		assertThat(api.post(path + "/recover", other.apiKey(), Map.of("since", "2026-01-01T00:00:00Z")).status())
			.isEqualTo(404);
		assertThat(api.delete(path, other.apiKey()).status()).isEqualTo(404);
		assertThat(api.get("/v1/webhook-endpoints", other.apiKey()).body().get("data")).isEmpty();
		assertThat(api.get(path, owner.apiKey()).status()).isEqualTo(200);
	}

	@Test
	void customersCannotRegisterEndpoints() {
		Fixtures.Person customer = fixtures.customer();

		Api.Response response = api.post("/v1/webhook-endpoints", customer.token(),
				Map.of("url", "http://127.0.0.1:9/a", "events", List.of("*")));

		assertThat(response.status()).isEqualTo(403);
	}
}
