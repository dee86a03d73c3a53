package com.returnit.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What each kind of user does, as it does it: customers quote, book and watch; merchants list and poll their
 * orders; drivers on shift ping every 4 s and work the offers they get; operators read what /ops reads.
 */
final class Scenarios {

	private final Seed.Data data;

	Scenarios(Seed.Data data) {
		this.data = data;
	}

	/** About 15 s: quote, think, book with an Idempotency-Key, then watch the order three times 4 s apart. */
	ScenarioBuilder customers() {
		return scenario("customer").feed(cycle(data.customerFeed()))
			.exec(session -> session.set("idempotencyKey", UUID.randomUUID().toString()))
			.exec(http("quote").post("/v1/quotes").header("Authorization", "Bearer #{customerToken}")
				.body(StringBody(s -> Bodies.booking(data.merchantId()))).asJson()
				.check(status().in(200, 201), jsonPath("$.quoteId").saveAs("quoteId")))
			.exitHereIfFailed()
			.pause(Duration.ofSeconds(1), Duration.ofSeconds(3))
			.exec(http("book").post("/v1/orders").header("Authorization", "Bearer #{customerToken}")
				.header("Idempotency-Key", "#{idempotencyKey}").body(StringBody("{\"quoteId\":\"#{quoteId}\"}"))
				.asJson()
				.check(status().is(201), jsonPath("$.id").saveAs("orderId")))
			.exitHereIfFailed()
			.repeat(3).on(pause(Duration.ofSeconds(4))
				.exec(http("track").get("/v1/orders/#{orderId}/tracking")
					.header("Authorization", "Bearer #{customerToken}").check(status().is(200)))
				.exec(http("order").get("/v1/orders/#{orderId}").header("Authorization", "Bearer #{customerToken}")
					.check(status().is(200))));
	}

	/** About 15 s: the merchant's integration lists its orders, then polls the newest ones every 5 s. */
	ScenarioBuilder merchants() {
		String key = "Bearer " + data.merchantApiKey();
		return scenario("merchant")
			.exec(http("merchant list").get("/v1/orders?limit=50").header("Authorization", key)
				.check(status().is(200)))
			.repeat(3).on(pause(Duration.ofSeconds(5))
				.exec(http("merchant poll").get("/v1/orders?status=scheduled&limit=20").header("Authorization", key)
					.check(status().is(200))));
	}

	/** A shift of {@code seconds}: a ping every 4 s, and each offer accepted, picked up and delivered. */
	ScenarioBuilder drivers(int seconds) {
		return scenario("driver").feed(queue(data.driverFeed()))
			.exec(http("shift start").post("/v1/drivers/me/shift/start").header("Authorization",
					"Bearer #{driverToken}").check(status().is(200)))
			.during(Duration.ofSeconds(seconds)).on(exec(http("ping").post("/v1/drivers/me/locations")
				.header("Authorization", "Bearer #{driverToken}").body(StringBody(s -> Bodies.ping())).asJson()
				.check(status().is(202)))
				.exec(http("offers").get("/v1/drivers/me/offers").header("Authorization", "Bearer #{driverToken}")
					.check(status().is(200), jsonPath("$.data[0].id").optional().saveAs("offerId"),
							jsonPath("$.data[0].orderId").optional().saveAs("offerOrderId")))
				.doIf(session -> session.contains("offerId")).then(workOffer())
				.pause(Duration.ofSeconds(4)))
			.exec(http("shift end").post("/v1/drivers/me/shift/end").header("Authorization", "Bearer #{driverToken}")
				.check(status().in(200, 409)));
	}

	/** Accepting can lose a race to another driver (409); the winner drives there, collects and delivers. */
	private ChainBuilder workOffer() {
		String auth = "Bearer #{driverToken}";
		return exec(http("accept").post("/v1/offers/#{offerId}/accept").header("Authorization", auth)
			.check(status().in(200, 409, 410).saveAs("acceptStatus")))
			// a failed accept (timeout, 503 under overload) saves no status: that driver moves on to its next ping
			.doIf(session -> session.contains("acceptStatus") && session.getInt("acceptStatus") == 200)
			.then(exec(http("en-route").post("/v1/orders/#{offerOrderId}/en-route").header("Authorization", auth)
				.check(status().is(200)))
				.exec(http("pickup").post("/v1/orders/#{offerOrderId}/pickup").header("Authorization", auth)
					.body(StringBody(Bodies.pickup())).asJson()
					.check(status().is(200), jsonPath("$.merchantId").saveAs("offerMerchantId")))
				// on a shared target, orders of an earlier run's merchant go to that merchant's hub, unknown here
				.doIf(session -> session.contains("offerMerchantId")
						&& data.merchantId().equals(session.getString("offerMerchantId")))
				.then(http("deliver").post("/v1/orders/#{offerOrderId}/deliver").header("Authorization", auth)
					.body(StringBody("{\"hubId\":\"" + data.hubId() + "\"}")).asJson().check(status().is(200))))
			.exec(session -> session.removeAll("offerId", "offerOrderId", "acceptStatus", "offerMerchantId"));
	}

	/** About 15 s: the overview /ops draws, the newest orders and the orders nobody took, every 5 s. */
	ScenarioBuilder operators() {
		String auth = "Bearer " + data.operatorToken();
		return scenario("operator").repeat(3).on(exec(http("ops overview").get("/v1/ops/overview")
			.header("Authorization", auth).check(status().is(200)))
			.exec(http("ops orders").get("/v1/orders?limit=50").header("Authorization", auth).check(status().is(200)))
			.exec(http("ops unassigned").get("/v1/dispatch/unassigned").header("Authorization", auth)
				.check(status().is(200)))
			.pause(Duration.ofSeconds(5)));
	}

	private static FeederBuilder<Object> cycle(List<Map<String, Object>> records) {
		return listFeeder(records).circular();
	}

	/** Each driver is one person: a driver's token is used by one virtual user only. */
	private static FeederBuilder<Object> queue(List<Map<String, Object>> records) {
		return listFeeder(records).queue();
	}
}
