package com.returnit.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import com.returnit.support.WebhookReceiver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The customer says why each item goes back (and may leave the sku out); the order shows what happened to each item
 * at the door, and the reasons reach the merchant with the pickup and the customer's own export.
 */
class AtTheDoorTests extends EndToEndTest {

	private final WebhookReceiver receiver = new WebhookReceiver();
	private final List<Fixtures.Person> drivers = new ArrayList<>();
	private Doorstep doorstep;

	@BeforeEach
	void atTheDoorstep() {
		doorstep = new Doorstep(api, fixtures);
	}

	@AfterEach
	void driversGoHome() {
		drivers.forEach(fixtures::offShift);
		receiver.close();
	}

	@Test
	void reasonsTravelWithTheItemsAndUnnamedItemsAreCollectedByTheNamesTheServiceGaveThem() {
		var merchant = fixtures.merchant("Reasoned Returns");
		fixtures.webhookEndpoint(merchant, receiver.url("/hooks"), "order.picked_up");
		var customer = fixtures.customer();
		Fixtures.Person driver = doorstep.driverThere();
		drivers.add(driver);

		Api.Response booked = api.post("/v1/orders", customer.token(), Doorstep.requestSoon(merchant.id(), List.of(
				Doorstep.item("JKT-1", "Rain jacket", "wrong_size", "  Too short in the arms  "),
				Doorstep.item(null, "Wool scarf", "changed_mind", null),
				Doorstep.item(" ", "Gloves", null, null))));

		assertThat(booked.status()).as(booked.body().toString()).isEqualTo(201);
		JsonNode items = booked.body().get("items");
		assertThat(items).extracting(i -> i.get("sku").asString()).containsExactly("JKT-1", "ITEM-2", "ITEM-3");
		assertThat(items.get(0).get("reason").asString()).isEqualTo("wrong_size");
		assertThat(items.get(0).get("reasonNote").asString()).isEqualTo("Too short in the arms");
		assertThat(items.get(1).get("reason").asString()).isEqualTo("changed_mind");
		assertThat(items.get(1).get("reasonNote").isNull()).isTrue();
		assertThat(items.get(2).get("reason").isNull()).isTrue();
		String orderId = booked.text("id");

		doorstep.takeAndHeadThere(driver, orderId);
		Api.Response pickedUp = api.post("/v1/orders/" + orderId + "/pickup", driver.token(), Map.of("items", List.of(
				Map.of("sku", "JKT-1", "verified", true, "condition", "used"),
				Map.of("sku", "ITEM-2", "verified", true, "condition", "new"),
				Map.of("sku", "ITEM-3", "verified", false, "condition", "damaged", "note", "Torn"))));
		assertThat(pickedUp.status()).as(pickedUp.body().toString()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received("/hooks").size() == 1);
		JsonNode hooked = receiver.received("/hooks").getFirst().json().get("data").get("items");
		assertThat(hooked).extracting(i -> i.get("sku").asString()).containsExactly("JKT-1", "ITEM-2", "ITEM-3");
		assertThat(hooked.get(0).get("reason").asString()).isEqualTo("wrong_size");
		assertThat(hooked.get(0).get("reasonNote").asString()).isEqualTo("Too short in the arms");
		assertThat(hooked.get(1).get("reason").asString()).isEqualTo("changed_mind");
		assertThat(hooked.get(2).get("reason").isNull()).isTrue();

		JsonNode exported = api.get("/v1/customers/me/export", customer.token()).body().get("orders").get(0);
		assertThat(exported.get("items").get(0).get("reason").asString()).isEqualTo("wrong_size");
		assertThat(exported.get("items").get(0).get("reasonNote").asString()).isEqualTo("Too short in the arms");
	}

	@Test
	void theOrderShowsEachItemPendingUntilTheDoorThenCollectedOrRefusedAsTheDriverFoundIt() {
		var merchant = fixtures.merchant("Outcome Shop");
		var customer = fixtures.customer();
		Fixtures.Person driver = doorstep.driverThere();
		drivers.add(driver);
		String orderId = api.post("/v1/orders", customer.token(), Doorstep.requestSoon(merchant.id(), List.of(
				Doorstep.item("BOOT-L", "Left boot", null, null), Doorstep.item("BOOT-R", "Right boot", null, null))))
			.text("id");

		JsonNode before = api.get("/v1/orders/" + orderId, customer.token()).body();
		assertThat(before.get("itemOutcomes")).hasSize(2).allSatisfy(outcome -> {
			assertThat(outcome.get("outcome").asString()).isEqualTo("pending");
			assertThat(outcome.get("condition").isNull()).isTrue();
			assertThat(outcome.get("note").isNull()).isTrue();
		});
		assertThat(before.get("itemOutcomes").get(0).get("description").asString()).isEqualTo("Left boot");
		assertThat(before.get("pickup").get("address").asString()).as("the pickup as before").isEqualTo(Doorstep.ADDRESS);

		doorstep.takeAndHeadThere(driver, orderId);
		api.post("/v1/orders/" + orderId + "/pickup", driver.token(), Map.of("items", List.of(
				Map.of("sku", "BOOT-L", "verified", true, "condition", "used"),
				Map.of("sku", "BOOT-R", "verified", false, "condition", "damaged", "note", "Sole missing"))));

		for (JsonNode seen : List.of(api.get("/v1/orders/" + orderId, customer.token()).body(),
				api.get("/v1/orders?limit=1", customer.token()).body().get("data").get(0))) {
			JsonNode outcomes = seen.get("itemOutcomes");
			assertThat(outcomes.get(0).get("sku").asString()).isEqualTo("BOOT-L");
			assertThat(outcomes.get(0).get("outcome").asString()).isEqualTo("collected");
			assertThat(outcomes.get(0).get("condition").asString()).isEqualTo("used");
			assertThat(outcomes.get(1).get("outcome").asString()).isEqualTo("refused");
			assertThat(outcomes.get(1).get("condition").asString()).isEqualTo("damaged");
			assertThat(outcomes.get(1).get("note").asString()).isEqualTo("Sole missing");
		}
		JsonNode terms = api.get("/v1/orders/" + orderId + "/cancellation", customer.token()).body();
		assertThat(terms.get("cancellable").asBoolean()).isFalse();
		assertThat(terms.get("reason").asString()).isEqualTo("already picked up");
		assertThat(terms.get("feeCents").asLong()).isZero();
	}

	@Test
	void aQuoteNamesUnnamedItemsByPositionAndTheOrderBookedFromItKeepsTheNames() {
		var merchant = fixtures.merchant("Nameless Items");
		var customer = fixtures.customer();

		Api.Response quote = api.post("/v1/quotes", customer.token(), Fixtures.request(merchant.id(), List.of(
				Doorstep.item(null, "Rain jacket", null, null), Doorstep.item(null, "Scarf", "other", "gift"))));

		assertThat(quote.status()).as(quote.body().toString()).isEqualTo(200);
		assertThat(quote.body().get("items")).extracting(v -> v.get("sku").asString()).containsExactly("ITEM-1", "ITEM-2");
		JsonNode order = api.post("/v1/orders", customer.token(), Map.of("quoteId", quote.text("quoteId"))).body();
		assertThat(order.get("items")).extracting(i -> i.get("sku").asString()).containsExactly("ITEM-1", "ITEM-2");
		assertThat(order.get("items").get(1).get("reasonNote").asString()).isEqualTo("gift");
	}

	@Test
	void aSkuGivenTwiceOrABadReasonIsA400NamingTheItemsField() {
		var merchant = fixtures.merchant("Strict Items");
		var customer = fixtures.customer();
		Map<String, Object> twice = Fixtures.request(merchant.id(), List.of(Doorstep.item("A", "One", null, null),
				Doorstep.item("B", "Two", null, null), Doorstep.item("A", "Three", null, null)));
		Map<String, Object> badReason = Fixtures.request(merchant.id(),
				List.of(Doorstep.item("A", "One", "too_expensive", null)));
		Map<String, Object> longNote = Fixtures.request(merchant.id(), List.of(Doorstep.item("A", "One", null, null),
				Doorstep.item("B", "Two", "other", "x".repeat(501))));

		for (String path : List.of("/v1/quotes", "/v1/orders")) {
			assertNamed(api.post(path, customer.token(), twice), "items[2].sku");
			assertNamed(api.post(path, customer.token(), badReason), "items[0].reason");
			assertNamed(api.post(path, customer.token(), longNote), "items[1].reasonNote");
		}
		assertThat(api.get("/v1/orders", customer.token()).body().get("data")).as("nothing booked").isEmpty();
	}

	private static void assertNamed(Api.Response answer, String field) {
		assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.body().get("errors")).extracting(e -> e.get("field").asString()).containsExactly(field);
	}
}
