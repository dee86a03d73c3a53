package com.returnit.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class BookingFlowTests extends EndToEndTest {

	@Test
	void aCustomerQuotesBooksFromTheQuoteSeesTheOrderAndCancelsIt() {
		var merchant = fixtures.merchant("Flow Outdoor");
		var customer = fixtures.customer();

		Api.Response quote = api.post("/v1/quotes", customer.token(), Fixtures.request(merchant.id()));
		assertThat(quote.status()).isEqualTo(200);
		assertThat(quote.body().get("eligible").asBoolean()).isTrue();
		assertThat(quote.body().get("items")).hasSize(2);
		// 499 base + 2 x 150 per item + ~0.0 km... the pickup is ~1.1 km from the hub at 60 cents/km
		long price = quote.body().get("price").get("amountCents").asLong();
		assertThat(price).isBetween(499L + 300 + 40, 499L + 300 + 120);
		assertThat(quote.body().get("price").get("currency").asString()).isEqualTo("EUR");

		Api.Response booked = api.post("/v1/orders", customer.token(), Map.of("quoteId", quote.text("quoteId")));
		assertThat(booked.status()).as(booked.body().toString()).isEqualTo(201);
		assertThat(booked.text("status")).isEqualTo("scheduled");
		assertThat(booked.text("customerId")).isEqualTo(customer.id());
		assertThat(booked.text("merchantId")).isEqualTo(merchant.id());
		assertThat(booked.body().get("price").get("amountCents").asLong()).isEqualTo(price);
		assertThat(booked.body().get("policyVersion").asInt()).isEqualTo(1);
		String orderId = booked.text("id");

		Api.Response fetched = api.get("/v1/orders/" + orderId, customer.token());
		assertThat(fetched.status()).isEqualTo(200);
		assertThat(fetched.body().get("items").get(0).get("sku").asString()).isEqualTo("SKU-JACKET");

		Api.Response listed = api.get("/v1/orders?status=scheduled", customer.token());
		assertThat(listed.body().get("data")).extracting(o -> o.get("id").asString()).containsExactly(orderId);

		Api.Response cancelled = api.post("/v1/orders/" + orderId + "/cancel", customer.token(),
				Map.of("reason", "Changed my mind"));
		assertThat(cancelled.status()).isEqualTo(200);
		assertThat(cancelled.text("status")).isEqualTo("cancelled");
		assertThat(cancelled.text("cancelReason")).isEqualTo("Changed my mind");

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			JsonNode events = api.get("/v1/orders/" + orderId + "/events", customer.token()).body().get("data");
			assertThat(events).extracting(e -> e.get("type").asString())
				.containsExactly("order.scheduled", "order.cancelled");
		});
	}

	@Test
	void aQuoteCanBeBookedOnlyOnce() {
		var merchant = fixtures.merchant("Once Only");
		var customer = fixtures.customer();
		String quoteId = api.post("/v1/quotes", customer.token(), Fixtures.request(merchant.id())).text("quoteId");

		assertThat(api.post("/v1/orders", customer.token(), Map.of("quoteId", quoteId)).status()).isEqualTo(201);
		Api.Response again = api.post("/v1/orders", customer.token(), Map.of("quoteId", quoteId));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.contentType()).startsWith("application/problem+json");
	}

	@Test
	void anotherCallersQuoteCannotBeBooked() {
		var merchant = fixtures.merchant("Quote Owner");
		String quoteId = api.post("/v1/quotes", fixtures.customer().token(), Fixtures.request(merchant.id()))
			.text("quoteId");

		Api.Response stolen = api.post("/v1/orders", fixtures.customer().token(), Map.of("quoteId", quoteId));
		assertThat(stolen.status()).isEqualTo(404);
	}

	@Test
	void anIneligibleBookingIsRefusedWithEveryViolationAndCreatesNoOrder() {
		var merchant = fixtures.merchant("Strict Shop");
		var customer = fixtures.customer();
		var items = List.of(Fixtures.item("SKU-BRA", "underwear", 2_000, true),
				Fixtures.item("SKU-SWIM", "swimwear", 3_000, false),
				Fixtures.item("SKU-TV", "electronics", 250_000, true));

		Api.Response refused = api.post("/v1/orders", customer.token(), Fixtures.request(merchant.id(), items));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.body().get("violations")).extracting(v -> v.get("sku").asString() + ":" + v.get("rule").asString())
			.containsExactlyInAnyOrder("SKU-BRA:excluded_category", "SKU-SWIM:swimwear_tags", "SKU-TV:max_item_value");
		assertThat(api.get("/v1/orders", customer.token()).body().get("data")).isEmpty();
	}

	@Test
	void aPickupOutsideEveryServiceAreaIsIneligible() {
		var merchant = fixtures.merchant("Area Check");
		var request = new java.util.HashMap<>(Fixtures.request(merchant.id()));
		request.put("pickup", Map.of("address", "Marienplatz 1, Munich", "lat", 48.137, "lng", 11.575));

		Api.Response quote = api.post("/v1/quotes", fixtures.customer().token(), request);

		assertThat(quote.status()).isEqualTo(200);
		assertThat(quote.body().get("eligible").asBoolean()).isFalse();
		assertThat(quote.body().get("reasons")).extracting(r -> r.get("rule").asString()).containsExactly("service_area");
	}

	@Test
	void aMerchantBooksOnBehalfOfACustomerWhoThenExistsAsAnAccount() {
		var merchant = fixtures.merchant("On Behalf");
		String email = "behalf-" + java.util.UUID.randomUUID() + "@test.returnit.local";

		Api.Response booked = api.post("/v1/orders", merchant.apiKey(),
				Fixtures.withCustomer(Fixtures.request(merchant.id()), email));
		Api.Response second = api.post("/v1/orders", merchant.apiKey(),
				Fixtures.withCustomer(Fixtures.request(merchant.id()), email.toUpperCase()));

		assertThat(booked.status()).as(booked.body().toString()).isEqualTo(201);
		assertThat(second.text("customerId")).isEqualTo(booked.text("customerId"));
		assertThat(api.get("/v1/orders", merchant.apiKey()).body().get("data")).hasSize(2);
	}

	@Test
	void aMerchantMustNameTheCustomerItBooksFor() {
		var merchant = fixtures.merchant("Needs Customer");

		Api.Response response = api.post("/v1/orders", merchant.apiKey(), Fixtures.request(merchant.id()));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo("customer");
	}

	@Test
	void anOrderKeepsThePolicyVersionItWasCheckedAgainst() {
		var merchant = fixtures.merchant("Versioned");
		var customer = fixtures.customer();
		String first = fixtures.order(customer, merchant);

		Api.Response changed = api.put("/v1/merchants/" + merchant.id() + "/return-policy", merchant.apiKey(),
				Map.of("windowDays", 14, "excludedCategories", List.of(), "maxItems", 3, "maxItemValueCents", 50_000,
						"rules", List.of()));
		assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
		assertThat(changed.body().get("version").asInt()).isEqualTo(2);
		String second = fixtures.order(customer, merchant);

		assertThat(api.get("/v1/orders/" + first, customer.token()).body().get("policyVersion").asInt()).isEqualTo(1);
		assertThat(api.get("/v1/orders/" + second, customer.token()).body().get("policyVersion").asInt()).isEqualTo(2);
	}

	@Test
	void listsArePagedNewestFirstWithACursor() {
		var merchant = fixtures.merchant("Pager");
		var customer = fixtures.customer();
		List<String> ids = new java.util.ArrayList<>();
		for (int i = 0; i < 5; i++) {
			ids.add(fixtures.order(customer, merchant));
		}
		java.util.Collections.reverse(ids);

		JsonNode first = api.get("/v1/orders?limit=2", customer.token()).body();
		String cursor = first.get("data").get(1).get("id").asString();
		JsonNode second = api.get("/v1/orders?limit=2&startingAfter=" + cursor, customer.token()).body();
		JsonNode third = api.get("/v1/orders?limit=2&startingAfter=" + second.get("data").get(1).get("id").asString(),
				customer.token()).body();

		assertThat(first.get("data")).extracting(o -> o.get("id").asString()).containsExactly(ids.get(0), ids.get(1));
		assertThat(first.get("hasMore").asBoolean()).isTrue();
		assertThat(second.get("data")).extracting(o -> o.get("id").asString()).containsExactly(ids.get(2), ids.get(3));
		assertThat(third.get("data")).extracting(o -> o.get("id").asString()).containsExactly(ids.get(4));
		assertThat(third.get("hasMore").asBoolean()).isFalse();
	}
}
