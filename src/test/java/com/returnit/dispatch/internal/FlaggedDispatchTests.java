package com.returnit.dispatch.internal;

import static org.assertj.core.api.Assertions.assertThat;
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
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Batched dispatch rolled out per service area with the flag dispatch.batched (ADR 0042): the areas it selects pair
 * their waiting orders in batches, the others offer each order at once, as the global greedy mode would. Runs its
 * own service and embedded PostgreSQL, because it defines service areas of its own.
 */
@TestPropertySource(properties = { "returnit.test.database=flags", "returnit.dispatch.mode=greedy",
		"returnit.dispatch.batch-interval=1s", "returnit.operations.scrape-token=flags-scrape-token" })
class FlaggedDispatchTests extends EndToEndTest {

	/** One kilometre north, in degrees of latitude. */
	private static final double KM = 1 / 111.195;

	@Autowired
	DispatchModes modes;

	private final List<Fixtures.Person> onShift = new ArrayList<>();
	private final List<String> booked = new ArrayList<>();
	private Fixtures.Person customer;
	private int areas;

	@AfterEach
	void endShiftsAndCancelOpenOrders() {
		onShift.forEach(fixtures::offShift);
		booked.forEach(id -> api.post("/v1/orders/" + id + "/cancel", customer.token(), Map.of("reason", "test over")));
		onShift.clear();
		booked.clear();
	}

	@Test
	void theAreasBatchedAtOnePercentStayBatchedAtFiftyAndAllAreBatchedAtAHundred() {
		List<UUID> areaIds = IntStream.range(0, 3_000).mapToObj(i -> UUID.randomUUID()).toList();
		assertThat(batched(areaIds)).as("without the flag every area follows returnit.dispatch.mode=greedy").isEmpty();

		rollOut(1);
		Set<UUID> atOne = batched(areaIds);
		rollOut(50);
		Set<UUID> atFifty = batched(areaIds);
		rollOut(100);
		Set<UUID> atHundred = batched(areaIds);

		assertThat(atOne).hasSizeBetween(10, 60);
		assertThat(atFifty).containsAll(atOne).hasSizeBetween(1_350, 1_650);
		assertThat(atHundred).containsAll(atFifty).hasSize(areaIds.size());
		assertThat(evaluations("dispatch.batched", "on")).as("counted on /actuator/prometheus")
			.isGreaterThanOrEqualTo(atOne.size() + atFifty.size() + atHundred.size());
		assertThat(evaluations("dispatch.batched", "off")).isGreaterThanOrEqualTo(2 * areaIds.size() - atOne.size()
				- atFifty.size());
	}

	@Test
	void anAreaThatIsInPairsItsOrdersInBatchesWhileAnAreaThatIsOutOffersEachOrderAtOnce() {
		rollOut(50);
		customer = fixtures.customer();
		var merchant = fixtures.merchant("Area Rollout Co");
		double[] in = null;
		double[] out = null;
		while (in == null || out == null) {
			double[] corner = nextAreaCorner();
			UUID area = defineArea(corner);
			if (modes.modeFor(area) == DispatchMode.BATCHED) {
				in = in == null ? corner : in;
			}
			else {
				out = out == null ? corner : out;
			}
		}
		// In each area, on one line south to north: driver 2 (-1.0 km), order A (0), driver 1 (0.9 km), order B
		// (1.0 km). Offered at once, A takes its nearest driver 1 and B gets driver 2 (2.9 km in all); paired
		// together, A gets driver 2 and B driver 1 (1.1 km).
		Instant window = Instant.now().plus(45, ChronoUnit.MINUTES).plusSeconds(6);
		var batched1 = driverAt(in, 0.9);
		var batched2 = driverAt(in, -1.0);
		var offers1 = driverAt(out, 0.9);
		var offers2 = driverAt(out, -1.0);
		String batchedA = book(merchant, in, 0, window);
		String batchedB = book(merchant, in, 1.0, window);
		String offersA = book(merchant, out, 0, window);
		String offersB = book(merchant, out, 1.0, window.plusMillis(1_500));

		assertThat(firstOfferKm(batchedA)).as("A paired with driver 2").isEqualTo(1.0);
		assertThat(firstOfferKm(batchedB)).as("B paired with driver 1").isEqualTo(0.1);
		assertThat(firstOfferKm(offersA)).as("A offered its nearest, driver 1").isEqualTo(0.9);
		assertThat(firstOfferKm(offersB)).as("B left with driver 2").isEqualTo(2.0);
	}

	@Test
	void theKillSwitchSendsEveryAreaBackToOffersAndDeletingTheFlagRestoresTheGlobalMode() {
		List<UUID> areaIds = IntStream.range(0, 200).mapToObj(i -> UUID.randomUUID()).toList();
		rollOut(100);
		assertThat(batched(areaIds)).hasSize(200);

		Api.Response killed = api.put("/v1/flags/dispatch.batched", fixtures.operatorToken(),
				Map.of("enabled", false, "rolloutPercentage", 100));
		assertThat(killed.status()).isEqualTo(200);
		assertThat(batched(areaIds)).isEmpty();

		assertThat(api.delete("/v1/flags/dispatch.batched", fixtures.operatorToken()).status()).isEqualTo(204);
		assertThat(batched(areaIds)).isEmpty();
	}

	private void rollOut(int percent) {
		Api.Response response = api.put("/v1/flags/dispatch.batched", fixtures.operatorToken(), Map.of(
				"description", "Batched dispatch per service area (ADR 0009, 0042)", "enabled", true,
				"rolloutPercentage", percent));
		assertThat(response.status()).as(response.body().toString()).isIn(200, 201);
	}

	private Set<UUID> batched(List<UUID> areaIds) {
		return areaIds.stream().filter(area -> modes.modeFor(area) == DispatchMode.BATCHED).collect(Collectors.toSet());
	}

	private double evaluations(String flag, String variant) {
		String scrape = api.get("/actuator/prometheus", "flags-scrape-token").raw().body();
		Matcher matcher = Pattern.compile("(?m)^returnit_flags_evaluations_total\\{([^}]*)\\} (\\S+)$").matcher(scrape);
		while (matcher.find()) {
			if (matcher.group(1).contains("flag=\"" + flag + "\"")
					&& matcher.group(1).contains("variant=\"" + variant + "\"")) {
				return Double.parseDouble(matcher.group(2));
			}
		}
		return 0;
	}

	/** A new 10 km square north of Berlin's area, each east of the last. */
	private double[] nextAreaCorner() {
		return new double[] { 53.0, 14.0 + 0.2 * areas++ };
	}

	private UUID defineArea(double[] corner) {
		double lat = corner[0];
		double lng = corner[1];
		Api.Response response = api.post("/v1/service-areas", fixtures.operatorToken(), Map.of("name",
				"Rollout area " + lng, "polygon", List.of(List.of(lat - 0.04, lng), List.of(lat - 0.04, lng + 0.15),
						List.of(lat + 0.04, lng + 0.15), List.of(lat + 0.04, lng))));
		assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
		return UUID.fromString(response.text("id"));
	}

	private Fixtures.Person driverAt(double[] corner, double kmNorth) {
		var driver = fixtures.driver("van", 40);
		fixtures.onShiftAt(driver, corner[0] + kmNorth * KM, corner[1] + 0.05);
		onShift.add(driver);
		return driver;
	}

	private String book(Fixtures.MerchantRef merchant, double[] corner, double kmNorth, Instant windowStart) {
		var request = new HashMap<>(Fixtures.request(merchant.id()));
		request.put("pickup", Map.of("address", "Dorfstrasse 1, 17291 Prenzlau", "lat", corner[0] + kmNorth * KM,
				"lng", corner[1] + 0.05));
		request.put("window", Map.of("start", windowStart.toString(), "end",
				windowStart.plus(2, ChronoUnit.HOURS).toString()));
		Api.Response response = api.post("/v1/orders", customer.token(), request);
		assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
		booked.add(response.text("id"));
		return response.text("id");
	}

	/** The pickup distance of the first offer made for the order, from the operators' audit trail of offers. */
	private double firstOfferKm(String orderId) {
		JsonNode offers = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
			.until(() -> api.get("/v1/orders/" + orderId + "/offers", fixtures.operatorToken()).body().get("data"),
					data -> !data.isEmpty());
		return Math.round(offers.get(0).get("distanceKm").asDouble() * 10) / 10.0;
	}
}
