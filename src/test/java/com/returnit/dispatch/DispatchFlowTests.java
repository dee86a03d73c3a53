package com.returnit.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Orders due soon are offered to the nearest fitting driver on shift, who takes them from door to hub. */
class DispatchFlowTests extends EndToEndTest {

	private static final double PICKUP_LAT = 52.5290;
	private static final double PICKUP_LNG = 13.4010;

	@org.springframework.boot.test.web.server.LocalServerPort
	int port;

	private final List<Fixtures.Person> onShift = new ArrayList<>();
	private final List<String> booked = new ArrayList<>();
	private Fixtures.MerchantRef merchant;
	private Fixtures.Person customer;

	@BeforeEach
	void aMerchantAndACustomer() {
		merchant = fixtures.merchant("Dispatch Co");
		customer = fixtures.customer();
	}

	/** Leaves nothing behind for the next test: its drivers go home, its open orders are cancelled. */
	@AfterEach
	void endShiftsAndCancelOpenOrders() {
		onShift.forEach(fixtures::offShift);
		booked.forEach(id -> api.post("/v1/orders/" + id + "/cancel", customer.token(), Map.of("reason", "test over")));
	}

	@Test
	void theNearestDriverIsOfferedTheOrderTakesItAndDeliversItToTheHub() {
		var near = driverAt(PICKUP_LAT + 0.001, PICKUP_LNG, "van", 40);
		var far = driverAt(PICKUP_LAT + 0.05, PICKUP_LNG, "van", 40);
		String orderId = book(2);

		JsonNode offer = fixtures.awaitOffer(near);
		assertThat(offer.get("orderId").asString()).isEqualTo(orderId);
		assertThat(offer.get("pickup").get("address").asString()).isEqualTo("Torstrasse 1, 10119 Berlin");
		assertThat(offer.get("items")).hasSize(2);
		assertThat(offer.get("earnings").get("amountCents").asLong()).as("what the driver earns, shown on the offer")
			.isPositive();
		assertThat(offer.get("earnings").get("currency").asString()).isEqualTo("EUR");
		assertThat(api.get("/v1/drivers/me/offers", far.token()).body().get("data")).isEmpty();
		assertThat(api.get("/v1/orders/" + orderId, far.token()).status()).isEqualTo(404);

		Api.Response accepted = api.post("/v1/offers/" + offer.get("id").asString() + "/accept", near.token(), "");
		assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(200);
		assertThat(accepted.text("status")).isEqualTo("accepted");
		assertThat(api.get("/v1/orders/" + orderId, near.token()).text("status")).isEqualTo("assigned");
		assertThat(api.get("/v1/orders/" + orderId, customer.token()).text("driverId")).isEqualTo(near.id());

		assertThat(api.post("/v1/orders/" + orderId + "/en-route", far.token(), "").status())
			.as("another driver cannot act on the order").isEqualTo(404);
		assertThat(api.post("/v1/orders/" + orderId + "/en-route", customer.token(), "").status())
			.as("the customer sees the order but is not its driver").isEqualTo(403);
		assertThat(api.post("/v1/orders/" + orderId + "/en-route", near.token(), "").text("status")).isEqualTo("en_route");
		Api.Response pickedUp = api.post("/v1/orders/" + orderId + "/pickup", near.token(), Map.of("items", List.of(
				Map.of("sku", "SKU-JACKET", "verified", true, "condition", "used"),
				Map.of("sku", "SKU-SHIRT", "verified", false, "condition", "damaged", "note", "Wrong shirt")),
				"bagSeal", "SEAL-0042"));
		assertThat(pickedUp.status()).as(pickedUp.body().toString()).isEqualTo(200);
		assertThat(pickedUp.text("status")).isEqualTo("picked_up");
		String hubId = api.get("/v1/merchants/" + merchant.id(), merchant.apiKey()).body().get("hubs").get(0)
			.get("id").asString();
		assertThat(api.post("/v1/orders/" + orderId + "/deliver", near.token(), Map.of("hubId", hubId)).text("status"))
			.isEqualTo("delivered");

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				api.get("/v1/orders/" + orderId + "/events", customer.token()).body().get("data"))
			.extracting(e -> e.get("type").asString())
			.containsExactly("order.scheduled", "order.assigned", "order.en_route", "order.picked_up",
					"order.delivered"));
	}

	@Test
	void aDeclinedOrderGoesToTheNextDriverAndEveryOfferIsKept() {
		var first = driverAt(PICKUP_LAT + 0.001, PICKUP_LNG, "van", 40);
		var second = driverAt(PICKUP_LAT + 0.01, PICKUP_LNG, "van", 40);
		String orderId = book(1);

		JsonNode offer = fixtures.awaitOffer(first);
		assertThat(api.post("/v1/offers/" + offer.get("id").asString() + "/decline", first.token(), "").text("status"))
			.isEqualTo("declined");
		JsonNode next = fixtures.awaitOffer(second);

		assertThat(next.get("orderId").asString()).isEqualTo(orderId);
		assertThat(api.get("/v1/orders/" + orderId + "/offers", fixtures.operatorToken()).body().get("data"))
			.extracting(o -> o.get("status").asString()).containsExactly("declined", "offered");
		assertThat(api.get("/v1/orders/" + orderId + "/offers", customer.token()).status()).isEqualTo(403);
	}

	@Test
	void aDriverWithoutRoomOrTheRightVehicleIsPassedOver() {
		driverAt(PICKUP_LAT, PICKUP_LNG + 0.0005, "bike", 10);
		var nearlyFull = driverAt(PICKUP_LAT, PICKUP_LNG + 0.001, "car", 2);
		var roomy = driverAt(PICKUP_LAT + 0.02, PICKUP_LNG, "van", 40);

		String orderId = book(3);

		assertThat(fixtures.awaitOffer(roomy).get("orderId").asString()).isEqualTo(orderId);
		assertThat(api.get("/v1/drivers/me/offers", nearlyFull.token()).body().get("data")).isEmpty();
	}

	@Test
	void twoConcurrentAcceptsCanNeverBothWin() throws Exception {
		var driver = driverAt(PICKUP_LAT, PICKUP_LNG, "van", 40);
		String orderId = book(1);
		String offerId = fixtures.awaitOffer(driver).get("id").asString();
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> answers = new ArrayList<>();

		try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < 20; i++) {
				answers.add(pool.submit(() -> {
					start.await();
					return api.post("/v1/offers/" + offerId + "/accept", driver.token(), "").status();
				}));
			}
			start.countDown();
		}

		List<Integer> statuses = new ArrayList<>();
		for (Future<Integer> answer : answers) {
			statuses.add(answer.get());
		}
		assertThat(statuses).containsOnly(200, 409);
		assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
		assertThat(api.get("/v1/orders/" + orderId + "/events", customer.token()).status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				api.get("/v1/orders/" + orderId + "/events", customer.token()).body().get("data"))
			.extracting(e -> e.get("type").asString()).containsOnlyOnce("order.assigned"));
	}

	@Test
	void anotherDriversOfferCannotBeAnswered() {
		var driver = driverAt(PICKUP_LAT, PICKUP_LNG, "van", 40);
		book(1);
		String offerId = fixtures.awaitOffer(driver).get("id").asString();
		var stranger = fixtures.driver();

		assertThat(api.post("/v1/offers/" + offerId + "/accept", stranger.token(), "").status()).isEqualTo(404);
		assertThat(api.post("/v1/offers/" + offerId + "/accept", customer.token(), "").status()).isEqualTo(403);
	}

	@Test
	void anOrderCancelledWhileOfferedWithdrawsTheOffer() {
		var driver = driverAt(PICKUP_LAT, PICKUP_LNG, "van", 40);
		String orderId = book(1);
		String offerId = fixtures.awaitOffer(driver).get("id").asString();

		api.post("/v1/orders/" + orderId + "/cancel", customer.token(), Map.of("reason", "Changed plans"));

		await().atMost(Duration.ofSeconds(10)).untilAsserted(
				() -> assertThat(api.get("/v1/drivers/me/offers", driver.token()).body().get("data")).isEmpty());
		assertThat(api.post("/v1/offers/" + offerId + "/accept", driver.token(), "").status()).isEqualTo(409);
	}

	@Test
	void anUnansweredOfferExpiresAndTheOrderGoesToTheNextDriver() {
		var sleepy = driverAt(PICKUP_LAT + 0.001, PICKUP_LNG, "van", 40);
		var awake = driverAt(PICKUP_LAT + 0.02, PICKUP_LNG, "van", 40);
		String orderId = book(1);
		String firstOffer = fixtures.awaitOffer(sleepy).get("id").asString();

		JsonNode second = fixtures.awaitOffer(awake);

		assertThat(second.get("orderId").asString()).isEqualTo(orderId);
		assertThat(api.post("/v1/offers/" + firstOffer + "/accept", sleepy.token(), "").status()).isEqualTo(409);
		assertThat(api.get("/v1/orders/" + orderId + "/offers", fixtures.operatorToken()).body().get("data"))
			.extracting(o -> o.get("status").asString()).containsExactly("expired", "offered");
	}

	@Test
	void anOrderThatEveryDriverPassesOnIsLeftUnassignedForOperators() {
		List<Fixtures.Person> drivers = List.of(driverAt(PICKUP_LAT + 0.001, PICKUP_LNG, "van", 40),
				driverAt(PICKUP_LAT + 0.002, PICKUP_LNG, "van", 40), driverAt(PICKUP_LAT + 0.003, PICKUP_LNG, "van", 40));
		String orderId = book(1);

		for (Fixtures.Person driver : drivers) {
			String offerId = fixtures.awaitOffer(driver).get("id").asString();
			assertThat(api.post("/v1/offers/" + offerId + "/decline", driver.token(), "").status()).isEqualTo(200);
		}

		JsonNode unassigned = api.get("/v1/dispatch/unassigned", fixtures.operatorToken()).body().get("data");
		assertThat(unassigned).extracting(u -> u.get("orderId").asString()).contains(orderId);
		assertThat(api.get("/v1/dispatch/unassigned", customer.token()).status()).isEqualTo(403);
		assertThat(api.get("/v1/orders/" + orderId + "/offers", fixtures.operatorToken()).body().get("data"))
			.extracting(o -> o.get("status").asString()).containsExactly("declined", "declined", "declined");
	}

	@Test
	void theCustomerTracksTheDriverLiveAndTheAnswerDegradesWhenTheFixIsStale() throws Exception {
		var driver = driverAt(PICKUP_LAT + 0.01, PICKUP_LNG, "van", 40);
		String orderId = book(1);
		api.post("/v1/offers/" + fixtures.awaitOffer(driver).get("id").asString() + "/accept", driver.token(), "");
		assertThat(api.get("/v1/orders/" + orderId + "/tracking", fixtures.customer().token()).status()).isEqualTo(404);

		try (var stream = com.returnit.support.StreamClient.connect(port, customer.token(), "")) {
			stream.subscribe(orderId);
			Thread.sleep(1_000);
			ping(driver, PICKUP_LAT + 0.0097, PICKUP_LNG);
			JsonNode position = stream.await(m -> m.path("type").asString("").equals("driver.position")
					&& m.path("data").path("lat").asDouble() < PICKUP_LAT + 0.0099, Duration.ofSeconds(10));
			assertThat(position.get("orderId").asString()).isEqualTo(orderId);
		}

		JsonNode live = api.get("/v1/orders/" + orderId + "/tracking", customer.token()).body();
		assertThat(live.get("status").asString()).isEqualTo("assigned");
		assertThat(live.get("driver").get("name").asString()).isEqualTo("Dee Driver");
		assertThat(live.get("driver").get("lat").asDouble()).isEqualTo(PICKUP_LAT + 0.0097);
		assertThat(live.get("etaSeconds").asLong()).as("about 1.1 km at 25 km/h").isBetween(130L, 180L);

		JsonNode stale = await().atMost(Duration.ofSeconds(10)).until(
				() -> api.get("/v1/orders/" + orderId + "/tracking", customer.token()).body(),
				body -> body.get("etaSeconds").isNull());
		assertThat(stale.get("message").asString()).startsWith("Driver on the way");
		assertThat(stale.get("driver").get("ageSeconds").asLong()).isGreaterThanOrEqualTo(3);
	}

	private void ping(Fixtures.Person driver, double lat, double lng) {
		Api.Response response = api.post("/v1/drivers/me/locations", driver.token(), Map.of("pings",
				List.of(Map.of("lat", lat, "lng", lng, "recordedAt", java.time.Instant.now().toString()))));
		assertThat(response.status()).isEqualTo(202);
	}

	private Fixtures.Person driverAt(double lat, double lng, String vehicle, int capacity) {
		var driver = fixtures.driver(vehicle, capacity);
		fixtures.onShiftAt(driver, lat, lng);
		onShift.add(driver);
		return driver;
	}

	private String book(int items) {
		var list = new ArrayList<Map<String, Object>>();
		for (int i = 0; i < items; i++) {
			list.add(Fixtures.item(i == 0 ? "SKU-JACKET" : i == 1 ? "SKU-SHIRT" : "SKU-" + i, "tops", 1_000, true));
		}
		Api.Response response = api.post("/v1/orders", customer.token(), Fixtures.requestSoon(merchant.id(), list));
		assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
		booked.add(response.text("id"));
		return response.text("id");
	}

}
