package com.returnit.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnit.support.Api;
import com.returnit.support.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/**
 * Brings an order to the door: pickups at a spot of their own in Berlin (Köpenick, away from the other tests'
 * Torstrasse), a driver of its own on shift right there, who waits for the offer of that order and heads there.
 */
final class Doorstep {

	static final double LAT = 52.4450;
	static final double LNG = 13.5750;
	static final String ADDRESS = "Hinterhof 3; Aufgang B, Bahnhofstr. 1, 12555 Berlin";

	private final Api api;
	private final Fixtures fixtures;

	Doorstep(Api api, Fixtures fixtures) {
		this.api = api;
		this.fixtures = fixtures;
	}

	/** A request for these items whose window starts in 15 minutes (so it is dispatched at once), at the spot. */
	static Map<String, Object> requestSoon(String merchantId, List<Map<String, Object>> items) {
		Instant start = Instant.now().plus(15, ChronoUnit.MINUTES);
		return Map.of("merchantId", merchantId, "pickup", Map.of("address", ADDRESS, "lat", LAT, "lng", LNG),
				"window", Map.of("start", start.toString(), "end", start.plus(2, ChronoUnit.HOURS).toString()),
				"items", items);
	}

	Fixtures.Person driverThere() {
		Fixtures.Person driver = fixtures.driver();
		fixtures.onShiftAt(driver, LAT + 0.0002, LNG);
		return driver;
	}

	/** The driver accepts the offer of this order (declining any other) and heads there. */
	void takeAndHeadThere(Fixtures.Person driver, String orderId) {
		JsonNode offer = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
			JsonNode offers = api.get("/v1/drivers/me/offers", driver.token()).body().get("data");
			for (JsonNode other : offers) {
				if (!orderId.equals(other.get("orderId").asString())) {
					api.post("/v1/offers/" + other.get("id").asString() + "/decline", driver.token(), "");
				}
			}
			return StreamSupport.stream(offers.spliterator(), false)
				.filter(o -> orderId.equals(o.get("orderId").asString())).findFirst().orElse(null);
		}, o -> o != null);
		Api.Response accepted = api.post("/v1/offers/" + offer.get("id").asString() + "/accept", driver.token(), "");
		assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(200);
		Api.Response enRoute = api.post("/v1/orders/" + orderId + "/en-route", driver.token(), "");
		assertThat(enRoute.status()).as(enRoute.body().toString()).isEqualTo(200);
	}

	static Map<String, Object> item(String sku, String description, String reason, String reasonNote) {
		var item = new java.util.HashMap<String, Object>(Map.of("description", description, "category", "outerwear",
				"purchasedAt", Instant.now().minus(7, ChronoUnit.DAYS).toString(), "valueCents", 4_900,
				"tagsAttached", true));
		if (sku != null) {
			item.put("sku", sku);
		}
		if (reason != null) {
			item.put("reason", reason);
		}
		if (reasonNote != null) {
			item.put("reasonNote", reasonNote);
		}
		return item;
	}
}
