package com.returnit.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnit.ReturnItApplication;
import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every node caches merchants, policies and service areas; a change made through one node reaches the other's cache
 * through PostgreSQL NOTIFY (ADR 0021), so the other node's next quote after it arrives follows the new policy, and a
 * member removed through one node is refused by the other.
 */
class SharedCacheTests extends EndToEndTest {

	static final String SCRAPE_TOKEN = "scrape-token-for-cache-tests-0123456789";
	/** How long an invalidation may take to reach the other node on a loaded two-core machine. */
	static final Duration BOUND = Duration.ofSeconds(2);

	private static ConfigurableApplicationContext node2;
	private static Api api2;

	@Autowired
	EmbeddedPostgres database;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void startTheSecondNodeOnce() {
		if (node2 == null) {
			node2 = secondNode();
			api2 = new Api(((WebServerApplicationContext) node2).getWebServer().getPort());
		}
	}

	@AfterAll
	static void stopTheSecondNode() {
		if (node2 != null) {
			node2.close();
		}
	}

	@Test
	void aPolicyTightenedOnOneNodeIsEnforcedByTheOtherNodesNextQuoteAndNeverServedStaleAgain() {
		Fixtures.MerchantRef merchant = fixtures.merchant("Cached Policy");
		Fixtures.Person customer = fixtures.customer();
		assertThat(Fixtures.quote(api2, customer, merchant).body().get("eligible").asBoolean()).isTrue();
		assertThat(Fixtures.quote(api2, customer, merchant).body().get("policyVersion").asInt()).as("from node 2's cache")
			.isEqualTo(1);

		Api.Response changed = api.put("/v1/merchants/" + merchant.id() + "/return-policy", merchant.apiKey(),
				Fixtures.policyOfOneItem());
		assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);

		await().atMost(BOUND).pollInterval(Duration.ofMillis(20)).untilAsserted(
				() -> assertThat(Fixtures.quote(api2, customer, merchant).body().get("eligible").asBoolean()).isFalse());
		for (int i = 0; i < 10; i++) {
			Api.Response quote = Fixtures.quote(api2, customer, merchant);
			assertThat(quote.body().get("policyVersion").asInt()).isEqualTo(2);
			assertThat(quote.body().get("eligible").asBoolean()).isFalse();
		}
		Api.Response booking = api2.post("/v1/orders", customer.token(), Fixtures.request(merchant.id()));
		assertThat(booking.status()).as("booking on node 2 follows the new policy too").isEqualTo(422);
	}

	@Test
	void aMemberRemovedThroughOneNodeIsRefusedByTheOtherAsSoonAsTheInvalidationArrives() {
		Fixtures.MerchantRef shop = fixtures.merchant("Cached Members");
		Fixtures.Member admin = fixtures.member(jdbc, shop.id(), fixtures.operatorToken(), "admin");
		Fixtures.Member support = fixtures.member(jdbc, shop.id(), admin.token(), "support");
		for (int i = 0; i < 3; i++) {
			assertThat(api2.get("/v1/orders", support.token()).status()).as("node 2 knows the member").isEqualTo(200);
		}

		assertThat(api.delete("/v1/merchants/" + shop.id() + "/members/" + support.id(), admin.token()).status())
			.isEqualTo(204);

		await().atMost(BOUND).pollInterval(Duration.ofMillis(20))
			.untilAsserted(() -> assertThat(api2.get("/v1/orders", support.token()).status()).isEqualTo(401));
		for (int i = 0; i < 5; i++) {
			assertThat(api2.get("/v1/orders", support.token()).status()).as("never trusted again").isEqualTo(401);
		}
		assertThat(api2.get("/v1/orders", admin.token()).status()).as("the admin stays").isEqualTo(200);
	}

	@Test
	void eachNodeReportsItsCacheHitsAndMissesToPrometheus() {
		Fixtures.MerchantRef merchant = fixtures.merchant("Cache Metrics");
		Fixtures.Person customer = fixtures.customer();
		for (int i = 0; i < 5; i++) {
			assertThat(Fixtures.quote(api2, customer, merchant).status()).isEqualTo(200);
		}

		String metrics = api2.send("GET", "/actuator/prometheus", SCRAPE_TOKEN, null).raw().body();

		for (String cache : List.of("policies", "merchants", "service-areas")) {
			assertThat(count(metrics, cache, "miss")).as(cache).isGreaterThanOrEqualTo(1);
			assertThat(count(metrics, cache, "hit")).as(cache).isGreaterThanOrEqualTo(4);
		}
	}

	/** The value of {@code cache_gets_total} for this cache and result. */
	private static double count(String metrics, String cache, String result) {
		return metrics.lines()
			.filter(line -> line.startsWith("cache_gets_total{") && line.contains("cache=\"" + cache + "\"")
					&& line.contains("result=\"" + result + "\""))
			.findFirst()
			.map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.orElseThrow(() -> new AssertionError("no cache_gets_total of " + cache + " " + result + " in\n" + metrics));
	}

	private ConfigurableApplicationContext secondNode() {
		return new SpringApplicationBuilder(ReturnItApplication.class).run("--server.port=0",
				"--returnit.shutdown.drain-delay=0s", "--returnit.admin.totp-secret=" + ADMIN_TOTP_SECRET,
				"--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
				"--spring.datasource.hikari.maximum-pool-size=5", "--returnit.dispatch.enabled=false",
				"--returnit.operations.scrape-token=" + SCRAPE_TOKEN);
	}
}
