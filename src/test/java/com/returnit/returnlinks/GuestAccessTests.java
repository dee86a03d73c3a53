package com.returnit.returnlinks;

import static com.returnit.support.StreamClient.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import com.returnit.support.StreamClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A guest token reaches one return and its order, never the rest of the customer's account: not their other
 * merchants' orders (which look like they do not exist), not their profile, not anything else.
 */
class GuestAccessTests extends EndToEndTest {

	private static final String VERIFY_FIRST = "Verify your email to use your account: POST /v1/customers/claims";

	@LocalServerPort
	int port;

	@Test
	void aGuestSeesTheOrderOfItsLinkButNotTheCustomersOtherOrders() throws Exception {
		var links = new ReturnLinks(api);
		var merchant = fixtures.merchant("Guest Outfitters");
		var otherMerchant = fixtures.merchant("Other Shop");
		String email = ReturnLinks.email();
		Api.Response elsewhere = api.post("/v1/orders", otherMerchant.apiKey(),
				Fixtures.withCustomer(Fixtures.request(otherMerchant.id()), email));
		assertThat(elsewhere.status()).as(elsewhere.body().toString()).isEqualTo(201);
		String otherOrder = elsewhere.text("id");
		String guest = links.guestToken(links.create(merchant, email));

		assertThat(api.get("/v1/orders", guest).body().get("data")).as("nothing booked from the link yet").isEmpty();
		Api.Response booked = api.post("/v1/orders", guest, ReturnLinks.guestRequest(List.of(Map.of("sku", "SKU-JACKET"))));
		assertThat(booked.status()).as(booked.body().toString()).isEqualTo(201);
		String ownOrder = booked.text("id");
		assertThat(booked.text("customerId")).isEqualTo(elsewhere.text("customerId"));

		JsonNode listed = api.get("/v1/orders", guest).body().get("data");
		assertThat(listed).hasSize(1);
		assertThat(listed.get(0).get("id").asString()).isEqualTo(ownOrder);
		for (String path : List.of("/v1/orders/" + otherOrder, "/v1/orders/" + otherOrder + "/events",
				"/v1/orders/" + otherOrder + "/tracking", "/v1/orders/" + otherOrder + "/tracking-link")) {
			assertThat(api.get(path, guest).status()).as(path).isEqualTo(404);
		}
		assertThat(api.post("/v1/orders/" + otherOrder + "/cancel", guest, Map.of("reason", "not mine")).status())
			.isEqualTo(404);

		try (var stream = StreamClient.connect(port, guest, "")) {
			stream.subscribe(ownOrder);
			assertThat(stream.await(type("subscribed"), Duration.ofSeconds(10)).get("orderId").asString())
				.isEqualTo(ownOrder);
			stream.subscribe(otherOrder);
			assertThat(stream.await(type("error"), Duration.ofSeconds(10)).get("orderId").asString())
				.isEqualTo(otherOrder);
		}
	}

	@Test
	void aGuestIsToldToVerifyTheirEmailEverywhereElse() {
		var links = new ReturnLinks(api);
		var merchant = fixtures.merchant("Guarded Shop");
		String guest = links.guestToken(links.create(merchant, ReturnLinks.email()));
		String orderId = api.post("/v1/orders", guest, ReturnLinks.guestRequest(List.of(Map.of("sku", "SKU-SCARF"))))
			.text("id");

		for (String path : List.of("/v1/customers/me", "/v1/customers/me/export", "/%761/customers/me/export",
				"/v1/customers/me/%61ddresses", "/v1/customers/me/notification-preferences",
				"/v1/orders/" + orderId + "/payment",
				"/v1/webhook-endpoints", "/v1/service-areas", "/v1/return-sessions", "/v1/drivers/me/offers")) {
			Api.Response refused = api.get(path, guest);
			assertThat(refused.status()).as(path).isEqualTo(403);
			assertThat(refused.text("detail")).as(path).isEqualTo(VERIFY_FIRST);
		}
		for (String path : List.of("/v1/customers/me/email-verification", "/v1/auth/mfa/totp",
				"/v1/return-sessions")) {
			assertThat(api.post(path, guest, "{}").status()).as(path).isEqualTo(403);
		}
		assertThat(api.delete("/v1/customers/me", guest).status()).isEqualTo(403);
		Api.Response claim = api.post("/v1/customers/claims", guest, Map.of("email", "someone@test.returnit.local"));
		assertThat(claim.status()).as("guests may ask to claim their account").isEqualTo(202);
	}
}
