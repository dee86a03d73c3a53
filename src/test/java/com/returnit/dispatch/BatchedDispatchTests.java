package com.returnit.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * In batched mode the orders waiting together are offered so that the drivers' total way to the pickups is least,
 * even where each order's nearest driver would be the same. Runs its own service and embedded PostgreSQL.
 */
@TestPropertySource(properties = { "returnit.test.database=batched", "returnit.dispatch.mode=batched",
		"returnit.dispatch.batch-interval=1s" })
class BatchedDispatchTests extends EndToEndTest {

	/** One kilometre north, in degrees of latitude. */
	private static final double KM = 1 / 111.195;
	private static final double LAT = 52.50;
	private static final double LNG = 13.40;

	private final List<Fixtures.Person> onShift = new ArrayList<>();
	private final List<String> booked = new ArrayList<>();
	private Fixtures.Person customer;

	@AfterEach
	void endShiftsAndCancelOpenOrders() {
		onShift.forEach(fixtures::offShift);
		booked.forEach(id -> api.post("/v1/orders/" + id + "/cancel", customer.token(), Map.of("reason", "test over")));
	}

	@Test
	void twoOrdersGoToTheDriversThatMakeTheShortestTotalTripNotEachOrdersNearest() {
		customer = fixtures.customer();
		var merchant = fixtures.merchant("Batch Co");
		// On one line, south to north: driver 2 (-1.0 km), order A (0), driver 1 (0.9 km), order B (1.0 km).
		// Greedy gives A driver 1 (0.9 km) and B driver 2 (2.0 km): 2.9 km. The least total is A-2, B-1: 1.1 km.
		var driver1 = driverAt(0.9);
		var driver2 = driverAt(-1.0);
		Instant windowStart = Instant.now().plus(45, ChronoUnit.MINUTES).plusSeconds(6);
		String orderA = book(merchant, 0, windowStart);
		String orderB = book(merchant, 1.0, windowStart);

		JsonNode offerTo1 = fixtures.awaitOffer(driver1);
		JsonNode offerTo2 = fixtures.awaitOffer(driver2);

		assertThat(offerTo1.get("orderId").asString()).isEqualTo(orderB);
		assertThat(offerTo1.get("distanceKm").asDouble()).isCloseTo(0.1, within(0.01));
		assertThat(offerTo2.get("orderId").asString()).isEqualTo(orderA);
		assertThat(offerTo2.get("distanceKm").asDouble()).isCloseTo(1.0, within(0.01));
		Api.Response accepted = api.post("/v1/offers/" + offerTo2.get("id").asString() + "/accept", driver2.token(), "");
		assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(200);
		assertThat(api.get("/v1/orders/" + orderA, customer.token()).text("driverId")).isEqualTo(driver2.id());
	}

	@Test
	void aDeclinedOrderGoesToAnotherDriverInALaterBatch() {
		customer = fixtures.customer();
		var merchant = fixtures.merchant("Batch Decline Co");
		var near = driverAt(10.1);
		var further = driverAt(10.5);
		String order = book(merchant, 10.0, Instant.now().plus(15, ChronoUnit.MINUTES));

		JsonNode first = fixtures.awaitOffer(near);
		api.post("/v1/offers/" + first.get("id").asString() + "/decline", near.token(), "");

		assertThat(fixtures.awaitOffer(further).get("orderId").asString()).isEqualTo(order);
		assertThat(api.get("/v1/orders/" + order + "/offers", fixtures.operatorToken()).body().get("data"))
			.extracting(o -> o.get("status").asString()).containsExactly("declined", "offered");
	}

	private Fixtures.Person driverAt(double kmNorth) {
		var driver = fixtures.driver("van", 40);
		fixtures.onShiftAt(driver, LAT + kmNorth * KM, LNG);
		onShift.add(driver);
		return driver;
	}

	private String book(Fixtures.MerchantRef merchant, double kmNorth, Instant windowStart) {
		var request = new HashMap<>(Fixtures.request(merchant.id()));
		request.put("pickup", Map.of("address", "Oranienstrasse 1, 10999 Berlin", "lat", LAT + kmNorth * KM, "lng", LNG));
		request.put("window", Map.of("start", windowStart.toString(), "end", windowStart.plus(2, ChronoUnit.HOURS).toString()));
		Api.Response response = api.post("/v1/orders", customer.token(), request);
		assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
		booked.add(response.text("id"));
		return response.text("id");
	}

}
