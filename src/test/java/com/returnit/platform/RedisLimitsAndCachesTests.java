package com.returnit.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnit.ReturnItApplication;
import com.returnit.support.Api;
import com.returnit.support.EmbeddedRedis;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import redis.embedded.RedisServer;

/**
 * Two nodes sharing one PostgreSQL and one Redis (ADR 0021): a customer's budget is one budget whichever node is
 * asked, cached policies are shared in Redis and invalidated over Redis pub/sub, and when Redis is lost the limits
 * still hold (through PostgreSQL) and nobody gets an error.
 */
@TestPropertySource(properties = { "returnit.test.database=redislimits", "returnit.test.rate-limits.customer=10",
		"returnit.caches.ttl=3s" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisLimitsAndCachesTests extends EndToEndTest {

	private static final int REDIS_PORT = EmbeddedRedis.freePort();
	private static final RedisServer REDIS = EmbeddedRedis.startedOn(REDIS_PORT);
	private static ConfigurableApplicationContext node2;
	private static Api api2;

	@Autowired
	EmbeddedPostgres database;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		registry.add("returnit.redis.url", () -> "redis://127.0.0.1:" + REDIS_PORT);
		registry.add("returnit.redis.timeout", () -> "3s");
	}

	@BeforeEach
	void startTheSecondNodeOnce() {
		if (node2 == null) {
			node2 = new SpringApplicationBuilder(ReturnItApplication.class).run("--server.port=0",
					"--returnit.shutdown.drain-delay=0s", "--returnit.admin.totp-secret=" + ADMIN_TOTP_SECRET,
					"--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
					"--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
					"--spring.datasource.hikari.maximum-pool-size=5", "--returnit.dispatch.enabled=false",
					"--returnit.redis.url=redis://127.0.0.1:" + REDIS_PORT, "--returnit.redis.timeout=3s",
					"--returnit.security.rate-limits.customer=10", "--returnit.caches.ttl=3s");
			api2 = new Api(((WebServerApplicationContext) node2).getWebServer().getPort());
		}
	}

	@AfterAll
	static void stop() throws IOException {
		if (node2 != null) {
			node2.close();
		}
		REDIS.stop();
	}

	@Test
	@Order(1)
	void aBudgetSpentOnOneNodeIsSpentOnTheOther() {
		Fixtures.Person customer = fixtures.customer();

		List<Integer> onNode1 = statuses(6, () -> api.get("/v1/orders", customer.token()));
		List<Integer> onNode2 = statuses(4, () -> api2.get("/v1/orders", customer.token()));
		Api.Response over = api2.get("/v1/orders", customer.token());

		assertThat(onNode1).containsOnly(200);
		assertThat(onNode2).containsOnly(200);
		assertThat(over.status()).isEqualTo(429);
		assertThat(over.header("RateLimit-Policy")).isEqualTo("\"customer\";q=10;w=60");
		assertThat(inRedis("returnit:ratelimit:customer:customer:" + customer.id()))
			.as("the bucket lives in Redis").isNotNull();
		assertThat(bucketsInPostgres(customer)).as("and not in PostgreSQL").isZero();
	}

	@Test
	@Order(2)
	void aPolicyIsSharedInRedisAndItsChangeReachesTheOtherNodeOverRedis() {
		Fixtures.MerchantRef merchant = fixtures.merchant("Redis Cached Policy");
		Fixtures.Person customer = fixtures.customer();
		assertThat(Fixtures.quote(api2, customer, merchant).body().get("eligible").asBoolean()).isTrue();
		assertThat(inRedis("returnit:cache:policies:" + merchant.id())).contains("\"version\":1");

		Api.Response changed = api.put("/v1/merchants/" + merchant.id() + "/return-policy", merchant.apiKey(),
				Fixtures.policyOfOneItem());
		assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20)).untilAsserted(
				() -> assertThat(Fixtures.quote(api2, customer, merchant).body().get("eligible").asBoolean()).isFalse());
		assertThat(Fixtures.quote(api, customer, merchant).body().get("policyVersion").asInt()).isEqualTo(2);
		assertThat(inRedis("returnit:cache:policies:" + merchant.id())).contains("\"version\":2");
	}

	@Test
	@Order(3)
	void whenRedisIsLostLimitsStillHoldAcrossNodesWithoutErrorsAndRedisTakesOverWhenBack() throws Exception {
		Fixtures.MerchantRef merchant = fixtures.merchant("Redis Lost Limits");
		Fixtures.Person customer = fixtures.customer();
		REDIS.stop();
		try {
			List<Integer> statuses = new ArrayList<>();
			statuses.addAll(statuses(6, () -> api.get("/v1/orders", customer.token())));
			statuses.addAll(statuses(5, () -> api2.get("/v1/orders", customer.token())));
			Api.Response quote = Fixtures.quote(api2, fixtures.customer(), merchant);

			assertThat(statuses.subList(0, 10)).containsOnly(200);
			assertThat(statuses.get(10)).as("the eleventh call, on node 2").isEqualTo(429);
			assertThat(quote.status()).as("quotes go to the database").isEqualTo(200);
			assertThat(bucketsInPostgres(customer)).as("PostgreSQL took over the buckets").isEqualTo(1);
		}
		finally {
			REDIS.start();
		}
		Fixtures.Person later = fixtures.customer();
		// Redis is skipped for 5 s after a failure; then the buckets are in Redis again
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			assertThat(api.get("/v1/orders", later.token()).status()).isEqualTo(200);
			assertThat(inRedis("returnit:ratelimit:customer:customer:" + later.id())).isNotNull();
		});
	}

	@Test
	@Order(4)
	void aPolicyChangedWhileRedisIsLostIsClearedFromRedisWhenItIsBack() throws Exception {
		// this class limits a customer to 10 requests a minute, and this test quotes often: 25 customers take turns
		Fixtures.MerchantRef merchant = fixtures.merchant("Changed In The Dark");
		List<Fixtures.Person> customers = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			customers.add(fixtures.customer());
		}
		var turn = new java.util.concurrent.atomic.AtomicInteger();
		java.util.function.Supplier<Fixtures.Person> customer = () -> customers.get(turn.getAndIncrement() % 25);
		String shared = "returnit:cache:policies:" + merchant.id();
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			assertThat(Fixtures.quote(api2, customer.get(), merchant).status()).isEqualTo(200);
			assertThat(inRedis(shared)).contains("\"version\":1");
		});
		REDIS.stop();
		try {
			Api.Response changed = api.put("/v1/merchants/" + merchant.id() + "/return-policy", merchant.apiKey(),
					Fixtures.policyOfOneItem());
			assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
			await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> assertThat(
					Fixtures.quote(api2, customer.get(), merchant).body().get("policyVersion").asInt()).as("through NOTIFY").isEqualTo(2));
		}
		finally {
			REDIS.start();
		}

		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> assertThat(inRedis(shared)).satisfiesAnyOf(value -> assertThat(value).isNull(),
					value -> assertThat(value).contains("\"version\":2")));
		long until = System.nanoTime() + Duration.ofSeconds(4).toNanos(); // past the 3 s TTL of node 2's own entry
		while (System.nanoTime() < until) {
			assertThat(Fixtures.quote(api2, customer.get(), merchant).body().get("policyVersion").asInt()).isEqualTo(2);
			Thread.sleep(200);
		}
	}

	private long bucketsInPostgres(Fixtures.Person customer) {
		return jdbc.sql("SELECT count(*) FROM rate_limit_buckets WHERE id = :id")
			.param("id", "customer:customer:" + customer.id()).query(Long.class).single();
	}

	private static List<Integer> statuses(int times, java.util.function.Supplier<Api.Response> call) {
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < times; i++) {
			statuses.add(call.get().status());
		}
		return statuses;
	}

	/** The value at this key (a bucket's state, or a cached value as JSON), null if there is none. */
	private static String inRedis(String key) {
		try (RedisClient client = RedisClient.create("redis://127.0.0.1:" + REDIS_PORT);
				StatefulRedisConnection<String, String> connection = client.connect()) {
			return connection.sync().get(key);
		}
	}
}
