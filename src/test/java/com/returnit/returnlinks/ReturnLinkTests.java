package com.returnit.returnlinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import com.returnit.support.WebhookReceiver;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A merchant prefills a return and sends its customer the link; the customer, who has no account, opens it, books a
 * pickup for some of its items as a guest, and the merchant's systems learn which link the order came from.
 */
class ReturnLinkTests extends EndToEndTest {

	private ReturnLinks links;

	@BeforeEach
	void returnLinks() {
		links = new ReturnLinks(api);
	}

	@Test
	void aCustomerWithoutAnAccountOpensTheLinkAndBooksSomeOfItsItemsAsAGuest() {
		var merchant = fixtures.merchant("Linking Outfitters");
		try (var receiver = new WebhookReceiver()) {
			fixtures.webhookEndpoint(merchant, receiver.url("/hooks"), "*");
			String email = ReturnLinks.email();

			Api.Response created = api.post("/v1/return-sessions", merchant.apiKey(), ReturnLinks.body(email));
			assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
			String token = created.text("token");
			String sessionId = created.text("id");
			assertThat(token).hasSizeGreaterThanOrEqualTo(32).matches("[A-Za-z0-9_-]+");
			assertThat(created.text("url")).isEqualTo("http://localhost:8080/r/" + token);
			assertThat(created.text("status")).isEqualTo("open");
			assertThat(created.body().get("orderId").isNull()).isTrue();
			assertThat(created.body().at("/customer/email").asString()).isEqualTo(email);
			assertThat(Instant.parse(created.text("expiresAt")))
				.isBetween(Instant.now().plus(13, ChronoUnit.DAYS), Instant.now().plus(15, ChronoUnit.DAYS));

			Api.Response opened = api.get("/v1/public/return-sessions/" + token, null);
			assertThat(opened.status()).as(opened.body().toString()).isEqualTo(200);
			assertThat(opened.text("status")).isEqualTo("open");
			assertThat(opened.body().at("/merchant/name").asString()).isEqualTo("Linking Outfitters");
			assertThat(opened.body().get("customer").toString()).isEqualTo("{\"firstName\":\"Robin\"}");
			assertThat(opened.raw().body()).doesNotContain(email).doesNotContain("Returner").doesNotContain("5550101");
			assertThat(opened.body().get("items")).hasSize(3);

			Api.Response access = api.post("/v1/public/return-sessions/" + token + "/access", null, "");
			assertThat(access.status()).as(access.body().toString()).isEqualTo(200);
			assertThat(access.text("tokenType")).isEqualTo("Bearer");
			assertThat(access.body().get("expiresIn").asLong()).isEqualTo(900);
			assertThat(access.text("sessionId")).isEqualTo(sessionId);
			String guest = access.text("accessToken");

			var chosen = List.<Map<String, Object>>of(Map.of("sku", "SKU-JACKET"),
					Map.of("sku", "SKU-SHIRT", "tagsAttached", true));
			Api.Response quote = api.post("/v1/quotes", guest, ReturnLinks.guestRequest(chosen));
			assertThat(quote.status()).as(quote.body().toString()).isEqualTo(200);
			assertThat(quote.body().get("eligible").asBoolean()).isTrue();
			assertThat(quote.body().get("items")).hasSize(2);

			Api.Response booked = api.post("/v1/orders", guest, Map.of("quoteId", quote.text("quoteId")));
			assertThat(booked.status()).as(booked.body().toString()).isEqualTo(201);
			String orderId = booked.text("id");
			assertThat(booked.text("returnSessionId")).isEqualTo(sessionId);
			assertThat(booked.text("merchantId")).isEqualTo(merchant.id());
			JsonNode items = booked.body().get("items");
			assertThat(items).hasSize(2);
			assertThat(items.get(0).get("description").asString()).isEqualTo("Rain jacket");
			assertThat(items.get(0).get("merchantOrderRef").asString()).isEqualTo("MO-4711");
			assertThat(items.get(1).get("valueCents").asLong()).isEqualTo(3_900);
			assertThat(items.get(1).get("tagsAttached").asBoolean()).as("left to the customer").isTrue();

			assertThat(api.get("/v1/orders/" + orderId, guest).text("returnSessionId")).isEqualTo(sessionId);
			assertThat(api.get("/v1/orders/" + orderId, merchant.apiKey()).text("returnSessionId")).isEqualTo(sessionId);
			assertThat(api.get("/v1/orders/" + orderId + "/events", guest).status()).isEqualTo(200);
			assertThat(api.get("/v1/orders/" + orderId + "/tracking", guest).status()).isEqualTo(200);
			assertThat(api.get("/v1/orders/" + orderId + "/tracking-link", guest).status()).isEqualTo(200);
			JsonNode listed = api.get("/v1/orders", guest).body().get("data");
			assertThat(listed).hasSize(1);
			assertThat(listed.get(0).get("id").asString()).isEqualTo(orderId);

			JsonNode session = api.get("/v1/return-sessions/" + sessionId, merchant.apiKey()).body();
			assertThat(session.get("status").asString()).isEqualTo("used");
			assertThat(session.get("orderId").asString()).isEqualTo(orderId);
			assertThat(session.has("token")).isFalse();
			assertThat(session.has("url")).isFalse();
			Api.Response reopened = api.get("/v1/public/return-sessions/" + token, null);
			assertThat(reopened.text("status")).isEqualTo("used");
			assertThat(reopened.text("orderId")).isEqualTo(orderId);

			Api.Response again = api.post("/v1/orders", guest, ReturnLinks.guestRequest(List.of(Map.of("sku", "SKU-SCARF"))));
			assertThat(again.status()).as(again.body().toString()).isEqualTo(409);
			assertThat(again.text("detail")).contains("already used");
			Api.Response revoke = api.post("/v1/return-sessions/" + sessionId + "/revoke", merchant.apiKey(), "");
			assertThat(revoke.status()).as(revoke.body().toString()).isEqualTo(409);
			Api.Response laterAccess = api.post("/v1/public/return-sessions/" + token + "/access", null, "");
			assertThat(laterAccess.status()).as("a used link still lets the customer follow the order").isEqualTo(200);

			Api.Response cancelled = api.post("/v1/orders/" + orderId + "/cancel", guest, Map.of("reason", "Kept it"));
			assertThat(cancelled.status()).as(cancelled.body().toString()).isEqualTo(200);

			JsonNode scheduled = delivered(receiver, "order.scheduled", orderId);
			assertThat(scheduled.at("/data/returnSessionId").asString()).isEqualTo(sessionId);
			assertThat(delivered(receiver, "order.cancelled", orderId).at("/data/returnSessionId").asString())
				.isEqualTo(sessionId);
		}
	}

	@Test
	void anItemTheLinkDoesNotHaveIsRefusedNamingItAndTheMerchantsDescriptionsWin() {
		var merchant = fixtures.merchant("Strict Linker");
		var link = links.create(merchant, ReturnLinks.email());
		String guest = links.guestToken(link);

		Api.Response unknown = api.post("/v1/quotes", guest, ReturnLinks.guestRequest(
				List.of(Map.of("sku", "SKU-JACKET"), Map.of("sku", "SKU-GOLD-WATCH"))));
		assertThat(unknown.status()).as(unknown.body().toString()).isEqualTo(422);
		assertThat(unknown.body().at("/errors/0/field").asString()).isEqualTo("items[1].sku");

		Map<String, Object> forged = new HashMap<>(Fixtures.item("SKU-SCARF", "accessories", 99_000, true));
		forged.put("description", "Diamond scarf");
		Api.Response booked = api.post("/v1/orders", guest, ReturnLinks.guestRequest(List.of(forged)));
		assertThat(booked.status()).as(booked.body().toString()).isEqualTo(201);
		JsonNode item = booked.body().get("items").get(0);
		assertThat(item.get("valueCents").asLong()).isEqualTo(2_500);
		assertThat(item.get("description").asString()).isEqualTo("Wool scarf");
		assertThat(item.get("tagsAttached").asBoolean()).as("the merchant said so").isFalse();

		var other = fixtures.merchant("Other Linker");
		var otherMerchants = new HashMap<>(ReturnLinks.guestRequest(List.of(Map.of("sku", "SKU-JACKET"))));
		otherMerchants.put("merchantId", other.id());
		Api.Response elsewhere = api.post("/v1/quotes", links.guestToken(links.create(merchant, ReturnLinks.email())),
				otherMerchants);
		assertThat(elsewhere.status()).as(elsewhere.body().toString()).isEqualTo(422);
		assertThat(elsewhere.body().at("/errors/0/field").asString()).isEqualTo("merchantId");
	}

	@Test
	void merchantsListReadAndRevokeOnlyTheirOwnLinks() {
		var merchant = fixtures.merchant("Listing Linker");
		var other = fixtures.merchant("Nosy Linker");
		var first = links.create(merchant, ReturnLinks.email());
		var second = links.create(merchant, ReturnLinks.email());

		assertThat(api.get("/v1/return-sessions/" + first.id(), other.apiKey()).status()).isEqualTo(404);
		assertThat(api.post("/v1/return-sessions/" + first.id() + "/revoke", other.apiKey(), "").status()).isEqualTo(404);
		assertThat(api.get("/v1/return-sessions", other.apiKey()).body().get("data")).isEmpty();

		JsonNode page = api.get("/v1/return-sessions?limit=1", merchant.apiKey()).body();
		assertThat(page.get("data")).hasSize(1);
		assertThat(page.get("data").get(0).get("id").asString()).isEqualTo(second.id());
		assertThat(page.get("hasMore").asBoolean()).isTrue();
		JsonNode next = api.get("/v1/return-sessions?limit=1&startingAfter=" + second.id(), merchant.apiKey()).body();
		assertThat(next.get("data").get(0).get("id").asString()).isEqualTo(first.id());
		assertThat(next.get("data").get(0).has("token")).isFalse();

		Api.Response revoked = api.post("/v1/return-sessions/" + first.id() + "/revoke", merchant.apiKey(), "");
		assertThat(revoked.status()).as(revoked.body().toString()).isEqualTo(200);
		assertThat(revoked.text("status")).isEqualTo("revoked");
		JsonNode revokedOnly = api.get("/v1/return-sessions?status=revoked", merchant.apiKey()).body().get("data");
		assertThat(revokedOnly).hasSize(1);
		assertThat(revokedOnly.get(0).get("id").asString()).isEqualTo(first.id());
		assertThat(api.get("/v1/return-sessions?status=open", merchant.apiKey()).body().get("data")).hasSize(1);
		Api.Response badStatus = api.get("/v1/return-sessions?status=lost", merchant.apiKey());
		assertThat(badStatus.status()).isEqualTo(400);
		assertThat(badStatus.body().at("/errors/0/field").asString()).isEqualTo("status");

		assertThat(api.post("/v1/return-sessions", fixtures.customer().token(), ReturnLinks.body(ReturnLinks.email()))
			.status()).as("merchants only").isEqualTo(403);
		for (String action : List.of("return_session.created", "return_session.revoked")) {
			JsonNode audited = api.get("/v1/audit-events?action=" + action + "&targetId=" + first.id(),
					fixtures.operatorToken()).body().get("data");
			assertThat(audited).as(action).hasSize(1);
			assertThat(audited.get(0).get("actor").asString()).isEqualTo("merchant:" + merchant.id());
		}
	}

	@Test
	void twoBookingsFromOneLinkAtOnceMakeOneOrder() throws Exception {
		var merchant = fixtures.merchant("Racing Linker");
		var link = links.create(merchant, ReturnLinks.email());
		String guest = links.guestToken(link);
		var request = ReturnLinks.guestRequest(List.of(Map.of("sku", "SKU-JACKET")));

		List<Integer> statuses;
		try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
			var start = new java.util.concurrent.CountDownLatch(1);
			var tries = java.util.stream.IntStream.range(0, 4).mapToObj(i -> pool.submit(() -> {
				start.await();
				return api.post("/v1/orders", guest, request).status();
			})).toList();
			start.countDown();
			statuses = new java.util.ArrayList<>();
			for (var attempt : tries) {
				statuses.add(attempt.get());
			}
		}

		assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 409);
		assertThat(api.get("/v1/orders", merchant.apiKey()).body().get("data")).hasSize(1);
	}

	@Test
	void aCustomerWhoErasesTheirAccountLeavesNothingInTheirLinks() {
		var merchant = fixtures.merchant("Forgetting Linker");
		Fixtures.Person customer = fixtures.customer();
		var link = links.create(merchant, customer.email());

		assertThat(api.delete("/v1/customers/me", customer.token()).status()).isEqualTo(204);

		await().atMost(Duration.ofSeconds(10))
			.until(() -> api.get("/v1/public/return-sessions/" + link.token(), null).status() == 410);
		JsonNode session = api.get("/v1/return-sessions/" + link.id(), merchant.apiKey()).body();
		assertThat(session.get("status").asString()).isEqualTo("revoked");
		assertThat(session.at("/customer/email").asString()).doesNotContain(customer.email()).endsWith("@erased.invalid");
		assertThat(session.at("/customer/name").asString()).isEqualTo("Erased customer");
		assertThat(session.at("/customer/phone").isNull()).isTrue();
	}

	@Test
	void theLinkEndpointsAreDocumentedAndThePublicOnesNeedNoLogin() {
		JsonNode paths = api.get("/v3/api-docs", null).body().get("paths");

		for (String path : List.of("/v1/return-sessions", "/v1/return-sessions/{id}", "/v1/return-sessions/{id}/revoke",
				"/v1/customers/me", "/v1/customers/me/email-verification")) {
			assertThat(paths.has(path)).as(path).isTrue();
		}
		assertThat(paths.at("/~1v1~1public~1return-sessions~1{token}/get/security")).isEmpty();
		assertThat(paths.at("/~1v1~1public~1return-sessions~1{token}~1access/post/security")).isEmpty();
		assertThat(paths.at("/~1v1~1customers~1claims/post/security")).isEmpty();
		assertThat(paths.at("/~1v1~1customers~1claims~1{token}/post/security")).isEmpty();
		assertThat(paths.at("/~1v1~1email-verifications~1{token}/post/security")).isEmpty();
	}

	@Test
	void revokedAndExpiredLinksAreGoneForTheirHolder() {
		var merchant = fixtures.merchant("Closing Linker");
		var revoked = links.create(merchant, ReturnLinks.email());
		String guestBeforeRevocation = links.guestToken(revoked);
		api.post("/v1/return-sessions/" + revoked.id() + "/revoke", merchant.apiKey(), "");

		Api.Response view = api.get("/v1/public/return-sessions/" + revoked.token(), null);
		assertThat(view.status()).isEqualTo(410);
		assertThat(view.contentType()).startsWith("application/problem+json");
		assertThat(view.text("detail")).isEqualTo("This return link was revoked; ask Closing Linker for a new one.");
		assertThat(api.post("/v1/public/return-sessions/" + revoked.token() + "/access", null, "").status())
			.isEqualTo(410);
		Api.Response late = api.post("/v1/orders", guestBeforeRevocation,
				ReturnLinks.guestRequest(List.of(Map.of("sku", "SKU-SCARF"))));
		assertThat(late.status()).as(late.body().toString()).isEqualTo(410);
		assertThat(late.text("detail")).isEqualTo("This return link was revoked; ask Closing Linker for a new one.");
		assertThat(late.text("reason")).isEqualTo("revoked");

		var body = ReturnLinks.body(ReturnLinks.email());
		body.put("expiresAt", Instant.now().plusSeconds(2).toString());
		var expiring = links.create(merchant, body);
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
			.until(() -> api.get("/v1/public/return-sessions/" + expiring.token(), null).status() == 410);
		Api.Response expired = api.post("/v1/public/return-sessions/" + expiring.token() + "/access", null, "");
		assertThat(expired.status()).isEqualTo(410);
		assertThat(expired.text("detail")).isEqualTo("This return link has expired; ask Closing Linker for a new one.");
		assertThat(api.get("/v1/return-sessions/" + expiring.id(), merchant.apiKey()).text("status")).isEqualTo("expired");
		assertThat(api.get("/v1/public/return-sessions/not-a-link", null).status()).isEqualTo(404);
	}

	@Test
	void creatingALinkNamesEveryFieldAtFault() {
		var merchant = fixtures.merchant("Careless Linker");

		var past = ReturnLinks.body(ReturnLinks.email());
		past.put("expiresAt", Instant.now().minusSeconds(60).toString());
		assertThat(fields(api.post("/v1/return-sessions", merchant.apiKey(), past))).containsExactly("expiresAt");
		var far = ReturnLinks.body(ReturnLinks.email());
		far.put("expiresAt", Instant.now().plus(91, ChronoUnit.DAYS).toString());
		assertThat(fields(api.post("/v1/return-sessions", merchant.apiKey(), far))).containsExactly("expiresAt");

		var twice = ReturnLinks.body(ReturnLinks.email());
		var items = new java.util.ArrayList<>(ReturnLinks.items());
		items.add(ReturnLinks.items().get(0));
		twice.put("items", items);
		assertThat(fields(api.post("/v1/return-sessions", merchant.apiKey(), twice))).containsExactly("items[3].sku");

		var broken = ReturnLinks.body(ReturnLinks.email());
		broken.put("customer", Map.of("name", "Robin"));
		broken.put("items", List.of(Map.of("sku", "A", "description", "x", "category", "tops", "purchasedAt",
				Instant.now().toString(), "valueCents", -1)));
		assertThat(fields(api.post("/v1/return-sessions", merchant.apiKey(), broken)))
			.containsExactly("customer.email", "items[0].valueCents");
		var none = ReturnLinks.body(ReturnLinks.email());
		none.put("items", List.of());
		assertThat(fields(api.post("/v1/return-sessions", merchant.apiKey(), none))).containsExactly("items");

		var driver = fixtures.driver();
		Api.Response notACustomer = api.post("/v1/return-sessions", merchant.apiKey(), ReturnLinks.body(driver.email()));
		assertThat(notACustomer.status()).isEqualTo(422);
		assertThat(notACustomer.body().at("/errors/0/field").asString()).isEqualTo("customer.email");
	}

	@Test
	void aRetriedCreationWithTheSameIdempotencyKeyMakesOneLink() {
		var merchant = fixtures.merchant("Retrying Linker");
		var body = ReturnLinks.body(ReturnLinks.email());

		Api.Response first = api.post("/v1/return-sessions", merchant.apiKey(), body, "Idempotency-Key", "link-1");
		Api.Response retried = api.post("/v1/return-sessions", merchant.apiKey(), body, "Idempotency-Key", "link-1");

		assertThat(first.status()).isEqualTo(201);
		assertThat(retried.status()).isEqualTo(201);
		assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(retried.text("id")).isEqualTo(first.text("id"));
		assertThat(api.get("/v1/return-sessions", merchant.apiKey()).body().get("data")).hasSize(1);
	}

	private static List<String> fields(Api.Response response) {
		assertThat(response.status()).as(response.body().toString()).isEqualTo(400);
		return response.body().get("errors").valueStream().map(error -> error.get("field").asString()).toList();
	}

	private static JsonNode delivered(WebhookReceiver receiver, String type, String orderId) {
		return await().atMost(Duration.ofSeconds(15)).until(() -> receiver.received("/hooks").stream()
			.map(WebhookReceiver.Received::json)
			.filter(json -> type.equals(json.get("type").asString())
					&& orderId.equals(json.at("/data/orderId").asString()))
			.findFirst().orElse(null), java.util.Objects::nonNull);
	}
}
