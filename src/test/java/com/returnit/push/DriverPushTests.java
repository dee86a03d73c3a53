package com.returnit.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import com.returnit.support.PushService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
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
 * A driver's browser subscribes for offers by Web Push, and each offer dispatch makes reaches it through a push
 * service on 127.0.0.1 that verifies the VAPID signature and decrypts the payload as a browser would.
 */
class DriverPushTests extends EndToEndTest {

	private static final String PATH = "/v1/drivers/me/push-subscriptions";
	private static final double PICKUP_LAT = 52.5290;
	private static final double PICKUP_LNG = 13.4010;

	@Autowired
	JdbcClient jdbc;

	private PushService pushService;
	private final List<Fixtures.Person> onShift = new ArrayList<>();
	private final List<String> booked = new ArrayList<>();
	private Fixtures.MerchantRef merchant;
	private Fixtures.Person customer;

	@BeforeEach
	void aPushServiceAMerchantAndACustomer() throws Exception {
		Api.Response key = api.get("/v1/push/vapid-public-key", null);
		pushService = new PushService(key.text("publicKey"));
		merchant = fixtures.merchant("Push Co");
		customer = fixtures.customer();
	}

	@AfterEach
	void endShiftsCancelOrdersAndStopThePushService() {
		onShift.forEach(fixtures::offShift);
		booked.forEach(id -> api.post("/v1/orders/" + id + "/cancel", customer.token(), Map.of("reason", "test over")));
		pushService.close();
	}

	@Test
	void anOfferReachesTheDriversBrowserEncryptedAndSignedWithTheServicesVapidKey() {
		var driver = fixtures.driver();
		var browser = pushService.browser("phone-" + UUID.randomUUID());
		Api.Response subscribed = api.post(PATH, driver.token(), browser.body());
		assertThat(subscribed.status()).as(subscribed.body().toString()).isEqualTo(201);
		assertThat(subscribed.text("endpoint")).isEqualTo(browser.endpoint());
		assertThat(subscribed.text("id")).isNotBlank();
		assertThat(subscribed.text("createdAt")).isNotBlank();

		onShiftNearThePickup(driver);
		String orderId = book(2);
		JsonNode offer = fixtures.awaitOffer(driver);

		PushService.Delivered push = await().atMost(Duration.ofSeconds(10))
			.until(() -> pushService.delivered(), delivered -> !delivered.isEmpty()).getFirst();
		assertThat(pushService.failures()).isEmpty();
		assertThat(push.browser()).isEqualTo(browser.name());
		JsonNode payload = push.payload();
		assertThat(payload.get("type").asString()).isEqualTo("offer");
		assertThat(payload.get("offerId").asString()).isEqualTo(offer.get("id").asString());
		assertThat(payload.get("orderId").asString()).isEqualTo(orderId);
		assertThat(payload.get("pickupArea").asString()).isEqualTo("Berlin");
		assertThat(payload.get("itemsCount").asInt()).isEqualTo(2);
		assertThat(Instant.parse(payload.get("window").get("start").asString()))
			.isEqualTo(Instant.parse(offer.get("pickup").get("windowStart").asString()));
		assertThat(Instant.parse(payload.get("window").get("end").asString()))
			.isEqualTo(Instant.parse(offer.get("pickup").get("windowEnd").asString()));
		assertThat(Instant.parse(payload.get("expiresAt").asString()))
			.isEqualTo(Instant.parse(offer.get("expiresAt").asString()));
		assertThat(payload.get("earnings").get("amountCents").asLong()).isPositive();
		assertThat(payload.get("earnings").get("currency").asString()).isEqualTo("EUR");
		assertThat(payload.has("address")).as("no customer address on a lock screen").isFalse();
		assertThat(push.contentEncoding()).isEqualTo("aes128gcm");
		assertThat(push.ttl()).isEqualTo("30");
		assertThat(push.urgency()).isEqualTo("high");
		assertThat(push.jwtClaims().get("sub").asString()).startsWith("mailto:");

		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(jdbc.sql(
				"SELECT status FROM push_messages WHERE offer_id = :offer").param("offer", UUID.fromString(offer.get("id")
					.asString())).query(String.class).list()).containsExactly("sent"));
	}

	@Test
	void aJobAnOperatorGivesADriverByHandReachesTheDriversBrowserToo() {
		var driver = fixtures.driver();
		var browser = pushService.browser("assigned-" + UUID.randomUUID());
		assertThat(api.post(PATH, driver.token(), browser.body()).status()).isEqualTo(201);
		onShiftNearThePickup(driver);
		String orderId = fixtures.order(customer, merchant);
		booked.add(orderId);

		Api.Response assigned = api.post("/v1/dispatch/orders/" + orderId + "/assign", fixtures.operatorToken(),
				Map.of("driverId", driver.id()));
		assertThat(assigned.status()).as(assigned.body().toString()).isEqualTo(200);

		PushService.Delivered push = await().atMost(Duration.ofSeconds(10))
			.until(() -> pushService.delivered(), delivered -> !delivered.isEmpty()).getFirst();
		assertThat(pushService.failures()).isEmpty();
		JsonNode payload = push.payload();
		assertThat(payload.get("type").asString()).isEqualTo("job");
		assertThat(payload.get("orderId").asString()).isEqualTo(orderId);
		assertThat(payload.get("itemsCount").asInt()).isPositive();
		assertThat(payload.has("address")).as("no customer address on a lock screen").isFalse();
		assertThat(api.get("/v1/orders/" + orderId, driver.token()).text("status")).isEqualTo("assigned");
	}

	@Test
	void aSubscriptionThePushServiceCallsGoneIsRemoved() {
		var driver = fixtures.driver();
		var browser = pushService.browser("gone-" + UUID.randomUUID());
		pushService.answer(browser.name(), 410);
		String id = api.post(PATH, driver.token(), browser.body()).text("id");
		assertThat(api.get(PATH, driver.token()).body().get("data")).hasSize(1);

		onShiftNearThePickup(driver);
		book(1);
		fixtures.awaitOffer(driver);

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql(
				"SELECT count(*) FROM push_subscriptions WHERE id = :id").param("id", UUID.fromString(id))
			.query(Integer.class).single()).isZero());
		assertThat(pushService.delivered()).as("the push was valid; the browser had unsubscribed").hasSize(1);
		assertThat(api.get(PATH, driver.token()).body().get("data")).isEmpty();
	}

	@Test
	void aFailingPushServiceIsTriedABoundedNumberOfTimesAndTheFailureIsRecorded() {
		var driver = fixtures.driver();
		var browser = pushService.browser("down-" + UUID.randomUUID());
		pushService.answer(browser.name(), 503);
		api.post(PATH, driver.token(), browser.body());

		onShiftNearThePickup(driver);
		book(1);
		String offerId = fixtures.awaitOffer(driver).get("id").asString();

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql(
				"SELECT status || ' ' || attempts FROM push_messages WHERE offer_id = :offer")
			.param("offer", UUID.fromString(offerId)).query(String.class).list()).containsExactly("failed 4"));
		assertThat(pushService.requests()).hasSize(4);
		assertThat(jdbc.sql("SELECT last_error FROM push_messages WHERE offer_id = :offer")
			.param("offer", UUID.fromString(offerId)).query(String.class).single()).contains("HTTP 503");
		assertThat(api.get(PATH, driver.token()).body().get("data")).as("a failing service is not a gone subscription")
			.hasSize(1);
	}

	@Test
	void badSubscriptionsAreRefusedWithProblemDetailsNamingTheField() {
		var driver = fixtures.driver();
		var browser = pushService.browser("checked-" + UUID.randomUUID());
		Map<String, Object> good = browser.body();
		assertRefused(driver, without(good, "endpoint"), "endpoint");
		assertRefused(driver, with(good, "endpoint", "not a url"), "endpoint");
		assertRefused(driver, with(good, "endpoint", "http://example.com/push/1"), "endpoint");
		assertRefused(driver, with(good, "endpoint", "https://10.0.0.1/push/1"), "endpoint");
		assertRefused(driver, with(good, "endpoint", "https://metadata.google.internal/push/1"), "endpoint");
		assertRefused(driver, with(good, "endpoint", "http://127.0.0.2:8080/push/1"), "endpoint");
		assertRefused(driver, without(good, "keys"), "keys");
		assertRefused(driver, with(good, "keys", Map.of("auth", Base64.getUrlEncoder().encodeToString(new byte[16]))),
				"keys.p256dh");
		assertRefused(driver, with(good, "keys", Map.of("p256dh", "AAAA", "auth",
				Base64.getUrlEncoder().encodeToString(new byte[16]))), "keys.p256dh");
		byte[] offCurve = new byte[65];
		offCurve[0] = 4;
		offCurve[64] = 1;
		assertRefused(driver, with(good, "keys", Map.of("p256dh", Base64.getUrlEncoder().encodeToString(offCurve),
				"auth", Base64.getUrlEncoder().encodeToString(new byte[16]))), "keys.p256dh");
		assertRefused(driver, with(good, "keys", Map.of("p256dh", browser.p256dh(), "auth", "c2hvcnQ")), "keys.auth");
		Api.Response notJson = api.post(PATH, driver.token(), "{\"endpoint\":");
		assertThat(notJson.status()).isEqualTo(400);
		assertThat(notJson.contentType()).startsWith("application/problem+json");
		assertThat(api.get(PATH, driver.token()).body().get("data")).as("nothing stored").isEmpty();

		Api.Response fcm = api.post(PATH, driver.token(), with(good, "endpoint",
				"https://fcm.googleapis.com/fcm/send/abc123"));
		assertThat(fcm.status()).as("a real push service's endpoint is fine").isEqualTo(201);
		Map<String, Object> expiring = with(with(good, "endpoint", "https://fcm.googleapis.com/fcm/send/def456"),
				"expirationTime", 1_767_225_600_000.5);
		assertThat(api.post(PATH, driver.token(), expiring).status()).as("a browser's expirationTime is a timestamp")
			.isEqualTo(201);
	}

	@Test
	void aSubscriptionIsTheDriversOwn() {
		var owner = fixtures.driver();
		var other = fixtures.driver();
		var browser = pushService.browser("own-" + UUID.randomUUID());
		String id = api.post(PATH, owner.token(), browser.body()).text("id");

		assertThat(api.get(PATH, other.token()).body().get("data")).isEmpty();
		assertThat(api.delete(PATH + "/" + id, other.token()).status()).isEqualTo(404);
		assertThat(api.get(PATH, owner.token()).body().get("data").get(0).get("id").asString()).isEqualTo(id);
		assertThat(api.post(PATH, customer.token(), browser.body()).status()).as("customers get no offers")
			.isEqualTo(403);
		assertThat(api.post(PATH, null, browser.body()).status()).isEqualTo(401);

		assertThat(api.delete(PATH + "/" + id, owner.token()).status()).isEqualTo(204);
		assertThat(api.delete(PATH + "/" + id, owner.token()).status()).isEqualTo(404);
		assertThat(api.get(PATH, owner.token()).body().get("data")).isEmpty();
	}

	@Test
	void theVapidPublicKeyIsPublicAndTheOneEveryNodeSharesFromTheDatabase() {
		Api.Response key = api.get("/v1/push/vapid-public-key", null);
		assertThat(key.status()).isEqualTo(200);
		byte[] point = Base64.getUrlDecoder().decode(key.text("publicKey"));
		assertThat(point).hasSize(65);
		assertThat(point[0]).isEqualTo((byte) 4);
		assertThat(jdbc.sql("SELECT public_key FROM push_vapid_keys").query(String.class).list())
			.containsExactly(key.text("publicKey"));
	}

	private void assertRefused(Fixtures.Person driver, Map<String, Object> body, String field) {
		Api.Response refused = api.post(PATH, driver.token(), body);
		assertThat(refused.status()).as(body + " -> " + refused.body()).isEqualTo(400);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.body().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
			.as(refused.body().toString()).contains(field);
	}

	private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
		Map<String, Object> changed = new HashMap<>(body);
		changed.put(field, value);
		return changed;
	}

	private static Map<String, Object> without(Map<String, Object> body, String field) {
		Map<String, Object> changed = new HashMap<>(body);
		changed.remove(field);
		return changed;
	}

	private void onShiftNearThePickup(Fixtures.Person driver) {
		fixtures.onShiftAt(driver, PICKUP_LAT + 0.001, PICKUP_LNG);
		onShift.add(driver);
	}

	private String book(int items) {
		var list = new ArrayList<Map<String, Object>>();
		for (int i = 0; i < items; i++) {
			list.add(Fixtures.item(i == 0 ? "SKU-JACKET" : "SKU-" + i, "tops", 1_000, true));
		}
		Api.Response response = api.post("/v1/orders", customer.token(), Fixtures.requestSoon(merchant.id(), list));
		assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
		booked.add(response.text("id"));
		return response.text("id");
	}
}
