package com.returnit.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnit.support.Api;
import com.returnit.support.TestDirectories;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The quick-start demo is alive: its simulated drivers take the demo customer's returns from door to hub. The demo
 * books the demo area's pickup slots (an hour ahead at the soonest, up to two days out), so this test has dispatch
 * offer every order at once rather than 45 minutes before its window.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"returnit.demo.enabled=true", "returnit.demo.drivers=2", "returnit.demo.booking-interval=PT10S",
		"returnit.demo.speed-up=120", "returnit.tracking.max-speed-mps=1000", "returnit.dispatch.lead-time=PT72H" })
class DemoTests {

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) throws Exception {
		String dir = TestDirectories.create("demo").toString();
		registry.add("returnit.data-dir", () -> dir);
	}

	@Test
	void theDemoMerchantsAreInTheDirectoryWithTheirLogosAndCity() {
		JsonNode data = new Api(port).get("/v1/merchants?query=(demo", null).body().get("data");

		assertThat(data).extracting(m -> m.get("name").asString()).containsExactly(DemoData.MERCHANT,
				DemoData.CUSTOMER_PAID_MERCHANT);
		assertThat(data).extracting(m -> m.get("logoUrl").asString()).containsExactly("/demo/alpine-outfitters.svg",
				"/demo/nordic-knitwear.svg");
		assertThat(data).allSatisfy(m -> assertThat(m.get("cities")).extracting(JsonNode::asString)
			.containsExactly("Berlin"));
		assertThat(data).extracting(m -> m.get("customerPays").asBoolean()).containsExactly(false, true);
	}

	@Test
	void thePersonsDemoDriverLogsInAndStartsAShiftAndIsNotDrivenByTheSimulation() {
		Api api = new Api(port);
		String driver = await().atMost(Duration.ofSeconds(20)).until(() -> api.post("/v1/auth/token", null,
				java.util.Map.of("email", DemoData.DRIVER_EMAIL, "password", DemoData.PASSWORD)), r -> r.status() == 200)
			.text("accessToken");
		assertThat(api.get("/v1/drivers/me/shift", driver).body().get("onShift").asBoolean())
			.as("the simulation does not drive the person's driver").isFalse();

		// on shift without a position (so that dispatch offers it none of the simulation's orders), then off again
		assertThat(api.post("/v1/drivers/me/shift/start", driver, "").status()).isEqualTo(200);
		Api.Response shift = api.get("/v1/drivers/me/shift", driver);
		assertThat(shift.body().get("onShift").asBoolean()).isTrue();
		assertThat(shift.body().get("vehicle").get("type").asString()).isEqualTo("van");
		assertThat(api.post("/v1/drivers/me/shift/end", driver, "").status()).isEqualTo(200);
	}

	@Test
	void theDemoMerchantsAdminLogsInWithTheDemoTotpSecretAndSeesTheTeam() {
		Api api = new Api(port);
		Api.Response login = api.post("/v1/auth/token", null, java.util.Map.of("email", DemoData.MERCHANT_ADMIN_EMAIL,
				"password", DemoData.PASSWORD, "code",
				com.returnit.identity.TotpCodes.at(DemoData.MERCHANT_ADMIN_TOTP_SECRET, java.time.Instant.now())));
		assertThat(login.status()).as(login.body().toString()).isEqualTo(200);
		assertThat(login.body().get("mfaEnrolmentRequired").asBoolean()).isFalse();
		String merchantId = api.get("/v1/merchants?query=(demo", null).body().at("/data/0/id").asString();
		JsonNode members = api.get("/v1/merchants/" + merchantId + "/members", login.text("accessToken")).body()
			.get("data");
		assertThat(members).extracting(m -> m.get("email").asString()).containsExactly(DemoData.MERCHANT_ADMIN_EMAIL);
		assertThat(members.get(0).get("role").asString()).isEqualTo("admin");
		assertThat(members.get(0).get("totpEnabled").asBoolean()).isTrue();
	}

	@Test
	void simulatedDriversDeliverTheDemoCustomersReturns() {
		Api api = new Api(port);
		String customer = api.post("/v1/auth/token", null, java.util.Map.of("email", DemoData.CUSTOMER_EMAIL,
				"password", DemoData.PASSWORD)).text("accessToken");

		JsonNode delivered = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2))
			.until(() -> api.get("/v1/orders?status=delivered", customer).body().get("data"), data -> !data.isEmpty());

		String orderId = delivered.get(0).get("id").asString();
		assertThat(delivered.get(0).get("driverId").isNull()).isFalse();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				api.get("/v1/orders/" + orderId + "/events", customer).body().get("data"))
			.extracting(e -> e.get("type").asString())
			.containsExactly("order.scheduled", "order.assigned", "order.en_route", "order.picked_up",
					"order.delivered"));
	}

	@Test
	void aReturnToTheShopWhoseCustomersPayIsDeliveredToThatShopsHub() {
		Api api = new Api(port);
		String customer = api.post("/v1/auth/token", null, java.util.Map.of("email", DemoData.CUSTOMER_EMAIL,
				"password", DemoData.PASSWORD)).text("accessToken");
		JsonNode shop = api.get("/v1/merchants?query=Nordic", null).body().get("data").get(0);
		String shopId = shop.get("id").asString();
		JsonNode slot = api.get("/v1/slots?merchantId=" + shopId + "&lat=52.529&lng=13.401", null).body().get("data")
			.valueStream().filter(s -> s.get("remaining").asInt() > 0).findFirst().orElseThrow();
		Api.Response booked = api.post("/v1/orders", customer, java.util.Map.of("merchantId", shopId,
				"pickup", java.util.Map.of("address", "Torstrasse 1, 10119 Berlin", "lat", 52.529, "lng", 13.401),
				"window", java.util.Map.of("start", slot.get("start").asString(), "end", slot.get("end").asString()),
				"items", java.util.List.of(java.util.Map.of("description", "Wool sweater", "category", "tops",
						"purchasedAt", java.time.Instant.now().minus(Duration.ofDays(3)).toString(), "valueCents", 8_900,
						"reason", "wrong_size")),
				"paymentMethod", "tok_visa"));
		assertThat(booked.status()).as(booked.body().toString()).isEqualTo(201);
		String orderId = booked.text("id");

		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).until(
				() -> api.get("/v1/orders/" + orderId, customer).text("status"), "delivered"::equals);
	}
}
