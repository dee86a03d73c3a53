package com.returnit.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The merchant portal's overview (issue 16): what happened to the merchant's returns, day by day, counted from
 * orders the test drives through booking, pickup (one item refused at the door), the hub, a failed pickup and a
 * cancellation.
 */
class MerchantOverviewTests extends EndToEndTest {

	@Autowired
	JdbcClient jdbc;

	private final List<Fixtures.Person> drivers = new ArrayList<>();
	private Doorstep doorstep;

	@BeforeEach
	void atTheDoorstep() {
		doorstep = new Doorstep(api, fixtures);
	}

	@AfterEach
	void driversGoHome() {
		drivers.forEach(fixtures::offShift);
	}

	@Test
	void theOverviewCountsEachDaysBookingsPickupsHandOversCancellationsAndFailuresOfTheMerchantsOwnOrders() {
		var shop = fixtures.merchant("Overview Shop " + UUID.randomUUID());
		var customer = fixtures.customer();
		Fixtures.Person driver = doorstep.driverThere();
		drivers.add(driver);
		String hub = api.get("/v1/merchants/" + shop.id(), shop.apiKey()).body().at("/hubs/0/id").asString();

		String delivered = bookSoon(customer, shop);
		doorstep.takeAndHeadThere(driver, delivered);
		Api.Response pickedUp = api.post("/v1/orders/" + delivered + "/pickup", driver.token(), Map.of("items", List.of(
				Map.of("sku", "BOX-1", "verified", true, "condition", "used"),
				Map.of("sku", "BOX-2", "verified", false, "condition", "damaged", "note", "seal broken"))));
		assertThat(pickedUp.status()).as(pickedUp.body().toString()).isEqualTo(200);
		assertThat(api.post("/v1/orders/" + delivered + "/deliver", driver.token(), Map.of("hubId", hub)).status())
			.isEqualTo(200);
		String failed = bookSoon(customer, shop);
		doorstep.takeAndHeadThere(driver, failed);
		assertThat(api.post("/v1/orders/" + failed + "/fail", driver.token(),
				Map.of("reason", "customer_absent", "note", "nobody home")).status()).isEqualTo(200);
		String cancelled = fixtures.order(customer, shop);
		assertThat(api.post("/v1/orders/" + cancelled + "/cancel", customer.token(), Map.of("reason", "kept it"))
			.status()).isEqualTo(200);
		fixtures.order(customer, shop);
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		String range = "?from=" + today + "&to=" + today;

		JsonNode overview = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
			.until(() -> overview(shop.apiKey(), shop.id(), range), o -> o.at("/perDay/0/delivered").asLong() == 1
					&& o.at("/perDay/0/failed").asLong() == 1 && o.at("/perDay/0/cancelled").asLong() == 1
					&& o.at("/perDay/0/booked").asLong() == 4);

		assertThat(overview.get("from").asString()).isEqualTo(today.toString());
		assertThat(overview.get("to").asString()).isEqualTo(today.toString());
		assertThat(overview.get("perDay").toString()).isEqualTo("[{\"date\":\"" + today
				+ "\",\"booked\":4,\"pickedUp\":1,\"delivered\":1,\"cancelled\":1,\"failed\":1}]");
		assertThat(overview.get("byStatus").toString()).isEqualTo("{\"scheduled\":1,\"assigned\":0,\"en_route\":0,"
				+ "\"picked_up\":0,\"delivered\":1,\"cancelled\":1,\"failed\":1}");
		assertThat(overview.get("pickup").toString()).isEqualTo("{\"attempted\":2,\"succeeded\":1,\"rate\":0.5}");
		assertThat(overview.get("refusedItems").toString())
			.isEqualTo("{\"total\":1,\"byReason\":[{\"reason\":\"seal broken\",\"count\":1}]}");
		assertThat(overview.get("orders").asLong()).isEqualTo(4);
		assertThat(overview.get("averageBookingToHubSeconds").asLong()).isCloseTo(bookingToHubSeconds(customer,
				delivered), org.assertj.core.data.Offset.offset(1L));

		JsonNode lastThirtyDays = overview(shop.apiKey(), shop.id(), "");
		assertThat(lastThirtyDays.get("from").asString()).isEqualTo(today.minusDays(29).toString());
		assertThat(lastThirtyDays.get("perDay")).hasSize(30);
		assertThat(lastThirtyDays.at("/perDay/29")).isEqualTo(overview.at("/perDay/0"));
		assertThat(lastThirtyDays.at("/perDay/0").toString()).isEqualTo("{\"date\":\"" + today.minusDays(29)
				+ "\",\"booked\":0,\"pickedUp\":0,\"delivered\":0,\"cancelled\":0,\"failed\":0}");
		JsonNode yesterday = overview(shop.apiKey(), shop.id(), "?from=" + today.minusDays(1) + "&to=" + today.minusDays(1));
		assertThat(yesterday.get("orders").asLong()).isZero();
		assertThat(yesterday.get("pickup").get("rate").isNull()).isTrue();
		assertThat(yesterday.get("averageBookingToHubSeconds").isNull()).isTrue();
		assertThat(yesterday.at("/refusedItems/total").asLong()).isZero();

		Fixtures.Member support = fixtures.member(jdbc, shop.id(), fixtures.operatorToken(), "support");
		assertThat(overview(support.token(), shop.id(), range)).isEqualTo(overview);
		assertThat(overview(fixtures.operatorToken(), shop.id(), range)).isEqualTo(overview);
	}

	@Test
	void anotherMerchantsOverviewIsNotFoundAndABadRangeIsA400NamingTheField() {
		var shop = fixtures.merchant("Ranged Shop " + UUID.randomUUID());
		var other = fixtures.merchant("Other Shop " + UUID.randomUUID());
		String path = "/v1/merchants/" + shop.id() + "/overview";

		assertThat(api.get(path, other.apiKey()).status()).isEqualTo(404);
		assertThat(api.get(path, fixtures.customer().token()).status()).isEqualTo(404);
		assertThat(api.get("/v1/merchants/" + UUID.randomUUID() + "/overview", fixtures.operatorToken()).status())
			.isEqualTo(404);
		assertField(api.get(path + "?from=2026-11-30&to=2026-11-01", shop.apiKey()), "to");
		assertField(api.get(path + "?from=2025-11-29&to=2026-11-30", shop.apiKey()), "from");
		assertField(api.get(path + "?from=30.11.2026", shop.apiKey()), "from");
		assertField(api.get(path + "?to=2026-02-30", shop.apiKey()), "to");
		assertThat(api.get(path + "?from=2025-11-30&to=2026-11-30", shop.apiKey()).body().get("perDay"))
			.as("366 days, both included, is the most").hasSize(366);
	}

	private JsonNode overview(String token, String merchantId, String query) {
		Api.Response response = api.get("/v1/merchants/" + merchantId + "/overview" + query, token);
		assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
		return response.body();
	}

	private static void assertField(Api.Response response, String field) {
		assertThat(response.status()).as(response.body().toString()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body().get("errors")).extracting(e -> e.get("field").asString()).containsExactly(field);
	}

	private String bookSoon(Fixtures.Person customer, Fixtures.MerchantRef shop) {
		Api.Response booked = api.post("/v1/orders", customer.token(), Doorstep.requestSoon(shop.id(), List.of(
				Doorstep.item("BOX-1", "Boxed lamp", null, null), Doorstep.item("BOX-2", "Boxed vase", null, null))));
		assertThat(booked.status()).as(booked.body().toString()).isEqualTo(201);
		return booked.text("id");
	}

	/** From the order's creation to its hand-over at the hub, as its own timeline tells. */
	private long bookingToHubSeconds(Fixtures.Person customer, String orderId) {
		Instant created = Instant.parse(api.get("/v1/orders/" + orderId, customer.token()).text("createdAt"));
		Instant handedOver = api.get("/v1/orders/" + orderId + "/events", customer.token()).body().get("data")
			.valueStream().filter(e -> e.get("type").asString().equals("order.delivered"))
			.map(e -> Instant.parse(e.get("occurredAt").asString())).findFirst().orElseThrow();
		return Duration.between(created, handedOver).toSeconds();
	}
}
