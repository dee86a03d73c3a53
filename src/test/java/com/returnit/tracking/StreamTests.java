package com.returnit.tracking;

import static com.returnit.support.StreamClient.status;
import static com.returnit.support.StreamClient.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import com.returnit.support.StreamClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Customers, merchants and operators watch orders live over /v1/stream. */
class StreamTests extends EndToEndTest {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@LocalServerPort
	int port;

	private Fixtures.MerchantRef merchant;
	private Fixtures.Person customer;

	@BeforeEach
	void anOrderToWatch() {
		merchant = fixtures.merchant("Streamed");
		customer = fixtures.customer();
	}

	@Test
	void aCustomerWatchingTheirOrderSeesItCancelled() throws Exception {
		String orderId = fixtures.order(customer, merchant);
		try (var stream = StreamClient.connect(port, customer.token(), "")) {
			stream.subscribe(orderId);
			JsonNode subscribed = stream.await(type("subscribed"), WAIT);
			assertThat(subscribed.get("data").get("status").asString()).isEqualTo("scheduled");

			api.post("/v1/orders/" + orderId + "/cancel", customer.token(), Map.of("reason", "Kept it"));

			JsonNode cancelled = stream.await(status("cancelled"), WAIT);
			assertThat(cancelled.get("orderId").asString()).isEqualTo(orderId);
			assertThat(cancelled.get("data").get("reason").asString()).isEqualTo("Kept it");
			assertThat(cancelled.get("id").asString()).matches("\\d+");
		}
	}

	@Test
	void theMerchantSeesItsOrdersButAnotherCustomerIsRefusedOutLoud() throws Exception {
		String orderId = fixtures.order(customer, merchant);
		try (var merchantStream = StreamClient.connect(port, merchant.apiKey(), "");
				var strangerStream = StreamClient.connect(port, fixtures.customer().token(), "")) {
			merchantStream.subscribe(orderId);
			strangerStream.subscribe(orderId);

			assertThat(merchantStream.await(type("subscribed"), WAIT).get("orderId").asString()).isEqualTo(orderId);
			JsonNode refused = strangerStream.await(type("error"), WAIT);
			assertThat(refused.get("orderId").asString()).isEqualTo(orderId);

			api.post("/v1/orders/" + orderId + "/cancel", merchant.apiKey(), Map.of("reason", "Out of stock"));
			merchantStream.await(status("cancelled"), WAIT);
			assertThatThrownBy(() -> strangerStream.await(status("cancelled"), Duration.ofSeconds(2)))
				.isInstanceOf(AssertionError.class);
		}
	}

	@Test
	void operatorsMayFollowEveryOrderAndNobodyElseMay() throws Exception {
		try (var operator = StreamClient.connect(port, fixtures.operatorToken(), "");
				var customerStream = StreamClient.connect(port, customer.token(), "")) {
			operator.send("{\"action\":\"subscribe\",\"all\":true}");
			customerStream.send("{\"action\":\"subscribe\",\"all\":true}");
			operator.await(type("subscribed"), WAIT);
			customerStream.await(type("error"), WAIT);

			String orderId = fixtures.order(customer, merchant);

			JsonNode scheduled = operator.await(status("scheduled").and(m -> m.get("orderId").asString().equals(orderId)), WAIT);
			assertThat(scheduled.get("type").asString()).isEqualTo("order.status");
		}
	}

	@Test
	void operatorsWatchTheWholeFleetFromWhereItIsAndAsItMovesAndNobodyElseMay() throws Exception {
		Fixtures.Person early = fixtures.driver();
		fixtures.onShiftAt(early, 52.5101, 13.3901);
		Fixtures.Person driver = fixtures.driver();
		try (var operator = StreamClient.connect(port, fixtures.operatorToken(), "");
				var driverStream = StreamClient.connect(port, driver.token(), "")) {
			operator.send("{\"action\":\"subscribe\",\"fleet\":true}");
			driverStream.send("{\"action\":\"subscribe\",\"fleet\":true}");
			assertThat(operator.await(type("subscribed"), WAIT).get("fleet").asBoolean()).isTrue();
			assertThat(driverStream.await(type("error"), WAIT).get("message").asString()).contains("operators");
			// where the fleet is now, at once: a driver on shift before the operator watched
			JsonNode snapshot = operator.await(type("fleet.positions").and(m -> m.get("data").get("positions")
				.valueStream().anyMatch(p -> p.get("driverId").asString().equals(early.id()))), WAIT);
			assertThat(snapshot.get("data").get("positions").valueStream()
				.filter(p -> p.get("driverId").asString().equals(early.id())).findFirst().orElseThrow()
				.get("lat").asDouble()).isEqualTo(52.5101);

			fixtures.onShiftAt(driver, 52.5301, 13.4011);

			JsonNode moved = operator.await(type("fleet.positions").and(m -> m.get("data").get("positions")
				.valueStream().anyMatch(p -> p.get("driverId").asString().equals(driver.id()))), WAIT);
			JsonNode position = moved.get("data").get("positions").valueStream()
				.filter(p -> p.get("driverId").asString().equals(driver.id())).findFirst().orElseThrow();
			assertThat(position.get("lat").asDouble()).isEqualTo(52.5301);
			assertThat(position.get("lng").asDouble()).isEqualTo(13.4011);
			assertThatThrownBy(() -> driverStream.await(type("fleet.positions"), Duration.ofSeconds(2)))
				.isInstanceOf(AssertionError.class);
		}
		finally {
			fixtures.offShift(driver);
			fixtures.offShift(early);
		}
	}

	@Test
	void aClientThatReconnectsWithLastEventIdGetsWhatItMissed() throws Exception {
		String orderId = fixtures.order(customer, merchant);
		String firstId;
		try (var stream = StreamClient.connect(port, customer.token(), "")) {
			stream.send("{\"action\":\"subscribe\",\"orderId\":\"" + orderId + "\"}");
			stream.await(type("subscribed"), WAIT);
			api.post("/v1/orders/" + orderId + "/cancel", customer.token(), Map.of("reason", "first"));
			firstId = stream.await(status("cancelled"), WAIT).get("id").asString();
		}

		try (var resumed = StreamClient.connect(port, customer.token(), "?lastEventId=0")) {
			resumed.subscribe(orderId);
			resumed.await(type("subscribed"), WAIT);
			JsonNode replayedScheduled = resumed.await(status("scheduled"), WAIT);
			JsonNode replayedCancel = resumed.await(status("cancelled"), WAIT);
			assertThat(replayedCancel.get("id").asString()).isEqualTo(firstId);
			assertThat(Long.parseLong(replayedScheduled.get("id").asString())).isLessThan(Long.parseLong(firstId));
		}
	}

	@Test
	void browsersMayPassTheTokenInTheQueryAndStrangersCannotConnect() throws Exception {
		String orderId = fixtures.order(customer, merchant);
		try (var browser = StreamClient.connect(port, null, "?access_token=" + customer.token())) {
			browser.subscribe(orderId);
			assertThat(browser.await(type("subscribed"), WAIT).get("orderId").asString()).isEqualTo(orderId);
		}
		assertThatThrownBy(() -> StreamClient.connect(port, null, "")).cause()
			.isInstanceOfSatisfying(java.net.http.WebSocketHandshakeException.class,
					refused -> assertThat(refused.getResponse().statusCode()).isEqualTo(401));
		assertThat(api.get("/v1/orders?access_token=" + customer.token(), null).status())
			.as("the query token is only for the stream").isEqualTo(401);
	}

	@Test
	void malformedMessagesAreAnsweredWithAnError() throws Exception {
		try (var stream = StreamClient.connect(port, customer.token(), "")) {
			stream.send("not json");
			stream.send("{\"action\":\"dance\"}");
			stream.send("{\"action\":\"subscribe\",\"orderId\":\"not-a-uuid\"}");

			for (int i = 0; i < 3; i++) {
				assertThat(stream.await(type("error"), WAIT).get("message").asString()).isNotBlank();
			}
		}
	}
}
