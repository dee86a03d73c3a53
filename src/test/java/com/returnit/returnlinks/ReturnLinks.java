package com.returnit.returnlinks;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.Api;
import com.returnit.support.Fixtures;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Return links as a merchant makes them and a customer opens them, through the public API. */
final class ReturnLinks {

	/** A session as its merchant got it at creation: id, link, token. */
	record Link(String id, String url, String token) {
	}

	private final Api api;

	ReturnLinks(Api api) {
		this.api = api;
	}

	/** Three items of order MO-4711: a jacket (tags said), a shirt (tags left to the customer), a scarf. */
	static List<Map<String, Object>> items() {
		String bought = Instant.now().minus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
		Map<String, Object> shirt = new LinkedHashMap<>(Map.of("sku", "SKU-SHIRT", "description", "Linen shirt",
				"category", "tops", "purchasedAt", bought, "valueCents", 3_900));
		return List.of(Map.of("sku", "SKU-JACKET", "description", "Rain jacket", "category", "outerwear",
				"purchasedAt", bought, "valueCents", 12_900, "tagsAttached", true), shirt,
				Map.of("sku", "SKU-SCARF", "description", "Wool scarf", "category", "accessories", "purchasedAt", bought,
						"valueCents", 2_500, "tagsAttached", false));
	}

	static Map<String, Object> body(String email) {
		return new HashMap<>(Map.of("customer", Map.of("name", "Robin Returner", "email", email, "phone",
				"+49 30 5550101"), "merchantOrderRef", "MO-4711", "items", items()));
	}

	static String email() {
		return "returner-" + UUID.randomUUID() + "@test.returnit.local";
	}

	Link create(Fixtures.MerchantRef merchant, String email) {
		return create(merchant, body(email));
	}

	Link create(Fixtures.MerchantRef merchant, Map<String, Object> body) {
		Api.Response created = api.post("/v1/return-sessions", merchant.apiKey(), body);
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		return new Link(created.text("id"), created.text("url"), created.text("token"));
	}

	/** The guest token a customer gets by opening the link. */
	String guestToken(Link link) {
		Api.Response access = api.post("/v1/public/return-sessions/" + link.token() + "/access", null, "");
		assertThat(access.status()).as(access.body().toString()).isEqualTo(200);
		return access.text("accessToken");
	}

	/** A guest's request: pickup and window as usual, items by sku only, no merchant. */
	static Map<String, Object> guestRequest(List<Map<String, Object>> items) {
		Map<String, Object> request = new HashMap<>(Fixtures.request(UUID.randomUUID().toString()));
		request.remove("merchantId");
		request.put("items", items);
		return request;
	}
}
