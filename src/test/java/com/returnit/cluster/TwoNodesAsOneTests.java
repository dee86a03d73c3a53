package com.returnit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import com.returnit.support.SecondNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two nodes on one database behave as one behind a balancer (ADR 0022): what a client did through one node holds on
 * the other, for sessions, API keys, merchants' members, dispatch and feature flags. (WebSocket fan-out across nodes: tracking's
 * TwoNodeStreamTests.)
 */
class TwoNodesAsOneTests extends EndToEndTest {

	private static SecondNode secondNode;

	@Autowired
	EmbeddedPostgres database;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private Api node2;

	@BeforeEach
	void aSecondNode() {
		if (secondNode == null) {
			secondNode = SecondNode.start(database);
		}
		node2 = secondNode.api();
	}

	@AfterAll
	static void stopTheSecondNode() {
		if (secondNode != null) {
			secondNode.close();
			secondNode = null;
		}
	}

	@Test
	void aSessionStartedOnOneNodeIsTheSameSessionOnTheOther() {
		var customer = fixtures.customer();
		var login = node2.post("/v1/auth/token", null, Map.of("email", customer.email(), "password", "customer-password-1"));
		String accessToken = login.text("accessToken");
		String refreshToken = login.text("refreshToken");

		assertThat(api.get("/v1/orders", accessToken).status()).as("node 2's access token on node 1").isEqualTo(200);
		var rotated = api.post("/v1/auth/refresh", null, Map.of("refreshToken", refreshToken));
		assertThat(rotated.status()).as("node 2's refresh token rotated on node 1").isEqualTo(200);

		assertThat(node2.post("/v1/auth/refresh", null, Map.of("refreshToken", refreshToken)).status())
			.as("the used refresh token, replayed on node 2").isEqualTo(401);
		assertThat(api.post("/v1/auth/refresh", null, Map.of("refreshToken", rotated.text("refreshToken"))).status())
			.as("the replay revoked the whole family, on every node").isEqualTo(401);
	}

	@Test
	void anApiKeyRevokedOnOneNodeIsRefusedByTheOther() {
		var merchant = fixtures.merchant("Revoked Keys Ltd");
		var issued = node2.post("/v1/merchants/" + merchant.id() + "/api-keys", fixtures.operatorToken(), Map.of());
		String secret = issued.text("secret");
		assertThat(api.get("/v1/orders", secret).status()).as("a key issued on node 2 works on node 1").isEqualTo(200);

		assertThat(api.delete("/v1/merchants/" + merchant.id() + "/api-keys/" + issued.text("id"),
				fixtures.operatorToken()).status()).isEqualTo(204);

		assertThat(node2.get("/v1/orders", secret).status()).as("revoked on node 1, used on node 2").isEqualTo(401);
	}

	@Test
	void concurrentAcceptsOfOneOfferThroughBothNodesHaveOneWinner() throws Exception {
		var merchant = fixtures.merchant("Two Node Dispatch");
		var customer = fixtures.customer();
		var driver = fixtures.driver();
		fixtures.onShiftAt(driver, 52.5290, 13.4010);
		var booked = api.post("/v1/orders", customer.token(), Fixtures.requestSoon(merchant.id(),
				List.of(Fixtures.item("SKU-JACKET", "tops", 1_000, true))));
		assertThat(booked.status()).as(booked.body().toString()).isEqualTo(201);
		String orderId = booked.text("id");
		String offerId = fixtures.awaitOffer(driver).get("id").asString();

		List<Integer> statuses = acceptFromBothNodes(offerId, driver.token(), 10);

		assertThat(statuses).containsOnly(200, 409);
		assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				node2.get("/v1/orders/" + orderId + "/events", customer.token()).body().get("data"))
			.extracting(e -> e.get("type").asString()).containsOnlyOnce("order.assigned"));
		assertThat(api.post("/v1/orders/" + orderId + "/cancel", customer.token(), Map.of("reason", "test over")).status())
			.isEqualTo(200);
		fixtures.offShift(driver);
	}

	@Test
	void aFlagChangedThroughOneNodeIsEvaluatedOnTheOtherWithinFiveSeconds() {
		String key = "two.nodes." + java.util.UUID.randomUUID().toString().substring(0, 8);
		String customer = fixtures.customer().token();
		String operator = fixtures.operatorToken();

		assertThat(api.put("/v1/flags/" + key, operator, Map.of("enabled", true, "rolloutPercentage", 100)).status())
			.isEqualTo(201);
		await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
			.until(() -> node2.get("/v1/flags/evaluated", customer).body().at("/flags/" + key).asBoolean(false));

		assertThat(api.put("/v1/flags/" + key, operator, Map.of("enabled", false, "rolloutPercentage", 100)).status())
			.as("the kill switch").isEqualTo(200);
		await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
			.until(() -> !node2.get("/v1/flags/evaluated", customer).body().at("/flags/" + key).asBoolean(true));

		assertThat(node2.delete("/v1/flags/" + key, operator).status()).isEqualTo(204);
		await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
			.until(() -> api.get("/v1/flags/evaluated", customer).body().at("/flags/" + key).isMissingNode());
	}

	@Test
	void aMemberRemovedThroughOneNodeIsRefusedByTheOtherWithinFiveSeconds() {
		var shop = fixtures.merchant("Two Node Staff Shop");
		var admin = fixtures.member(jdbc, shop.id(), fixtures.operatorToken(), "admin");
		var support = fixtures.member(jdbc, shop.id(), admin.token(), "support");
		assertThat(node2.get("/v1/orders", support.token()).status()).as("known as a member on node 2").isEqualTo(200);

		assertThat(api.delete("/v1/merchants/" + shop.id() + "/members/" + support.id(), admin.token()).status())
			.isEqualTo(204);
		assertThat(api.get("/v1/orders", support.token()).status()).as("at once on the node that removed").isEqualTo(401);
		long removedAt = System.nanoTime();
		await().atMost(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(100))
			.until(() -> node2.get("/v1/orders", support.token()).status() == 401);
		assertThat(Duration.ofNanos(System.nanoTime() - removedAt)).isLessThanOrEqualTo(Duration.ofSeconds(6));
	}

	private List<Integer> acceptFromBothNodes(String offerId, String token, int perNode) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> answers = new ArrayList<>();
		try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < 2 * perNode; i++) {
				Api node = i % 2 == 0 ? api : node2;
				answers.add(pool.submit(() -> {
					start.await();
					return node.post("/v1/offers/" + offerId + "/accept", token, "").status();
				}));
			}
			start.countDown();
		}
		List<Integer> statuses = new ArrayList<>();
		for (Future<Integer> answer : answers) {
			statuses.add(answer.get());
		}
		return statuses;
	}
}
