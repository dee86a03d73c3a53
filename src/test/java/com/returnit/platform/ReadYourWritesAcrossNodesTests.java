package com.returnit.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.Api;
import com.returnit.support.EmbeddedRedis;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import com.returnit.support.SecondNode;
import com.returnit.support.StreamingReplica;
import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import redis.embedded.RedisServer;

/**
 * Read-your-writes whichever node serves the read (ADR 0026): two nodes on one primary with a real streaming replica
 * whose replay is paused, so that it lacks every new write. A customer books on node 1 and lists on node 2: the
 * booking is there, read from the primary, because node 1 recorded where the booking ended in the primary's log
 * (in Redis, or in PostgreSQL while Redis is lost) and node 2's replica has not replayed that far. A merchant who
 * wrote nothing reads on node 2 from the stale replica, unless it names the booking's position in
 * {@code ReturnIt-Read-After}. Once replay resumes, the customer's reads go to the replica again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestPropertySource(properties = { "returnit.test.database=read-your-writes", "returnit.replica.username=postgres",
		"returnit.replica.check-every=50ms", "returnit.replica.max-lag=100000d",
		"management.endpoint.health.show-details=always" })
class ReadYourWritesAcrossNodesTests extends EndToEndTest {

	private static final StreamingReplica DATABASES = StreamingReplica.start();
	private static final int REDIS_PORT = EmbeddedRedis.freePort();
	private static final RedisServer REDIS = EmbeddedRedis.startedOn(REDIS_PORT);
	private static SecondNode node2;

	private Api api2;

	@DynamicPropertySource
	static void databases(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", DATABASES::primaryUrl);
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "postgres");
		registry.add("returnit.replica.url", DATABASES::replicaUrl);
		registry.add("returnit.redis.url", () -> "redis://127.0.0.1:" + REDIS_PORT);
	}

	@BeforeEach
	void startTheSecondNodeOnce() {
		if (node2 == null) {
			node2 = SecondNode.start(DATABASES.primary(), "--returnit.dispatch.enabled=false",
					"--returnit.replica.url=" + DATABASES.replicaUrl(), "--returnit.replica.username=postgres",
					"--returnit.replica.check-every=50ms", "--returnit.replica.max-lag=100000d",
					"--returnit.redis.url=redis://127.0.0.1:" + REDIS_PORT,
					"--management.endpoint.health.show-details=always");
		}
		api2 = node2.api();
	}

	@AfterEach
	void replayAgain() {
		DATABASES.resumeReplay();
	}

	@AfterAll
	static void stop() throws java.io.IOException {
		if (node2 != null) {
			node2.close();
		}
		REDIS.stop();
	}

	@Test
	@Order(1)
	void aCustomerWhoBookedOnOneNodeSeesTheBookingOnAnotherWhileTheReplicaLacksIt() {
		Fixtures.MerchantRef merchant = fixtures.merchant("Causal Coats");
		Fixtures.Person customer = fixtures.customer();
		replicaServingAndCaughtUp();
		DATABASES.pauseReplay();

		int positionsInRedis = positionsInRedis();
		Api.Response booked = api.post("/v1/orders", customer.token(), Fixtures.request(merchant.id()));
		assertThat(booked.status()).isEqualTo(201);
		assertThat(positionsInRedis()).as("node 1 shared the customer's position in Redis")
			.isEqualTo(positionsInRedis + 1);
		String orderId = booked.text("id");
		String position = booked.header("ReturnIt-Read-After");
		assertThat(position).as("the write's position in the primary's log").matches("[0-9A-F]+/[0-9A-F]+");

		double replica = reads("replica");
		double primary = reads("primary");
		assertThat(orderIds(api2.get("/v1/orders", customer.token()))).as("the customer sees its booking on node 2")
			.contains(orderId);
		assertThat(reads("replica")).as("not served by the replica").isEqualTo(replica);
		assertThat(reads("primary")).as("but by the primary").isGreaterThanOrEqualTo(primary + 1);

		assertThat(orderIds(api2.get("/v1/orders", merchant.apiKey())))
			.as("the merchant wrote nothing: node 2 serves it from the paused replica, which lacks the booking")
			.doesNotContain(orderId);
		assertThat(reads("replica")).isEqualTo(replica + 1);

		Api.Response asked = api2.send("GET", "/v1/orders", merchant.apiKey(), null, "ReturnIt-Read-After", position);
		assertThat(orderIds(asked)).as("naming the booking's position reads from the primary").contains(orderId);
		assertThat(reads("replica")).isEqualTo(replica + 1);

		DATABASES.resumeReplay();
		Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
			.until(() -> orderIds(api2.get("/v1/orders", merchant.apiKey())).contains(orderId));
		// node 2 learns the replica's replayed position by polling it: the customer's reads return to the replica
		// once it has, long before the 30 s of the read-your-writes window
		Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
			double replicaBefore = reads("replica");
			assertThat(orderIds(api2.get("/v1/orders", customer.token()))).contains(orderId);
			assertThat(reads("replica")).as("served by the replica, which has replayed the booking")
				.isEqualTo(replicaBefore + 1);
		});
	}

	/** Last: Redis is skipped for 5 s after it failed. */
	@Test
	@Order(3)
	void withRedisLostTheBookingsPositionGoesThroughPostgreSQLAndStillHolds() throws Exception {
		Fixtures.MerchantRef merchant = fixtures.merchant("Fallback Frocks");
		Fixtures.Person customer = fixtures.customer();
		replicaServingAndCaughtUp();
		DATABASES.pauseReplay();
		REDIS.stop();
		try {
			long positionsInTable = positionsInTable();
			Api.Response booked = api.post("/v1/orders", customer.token(), Fixtures.request(merchant.id()));
			assertThat(booked.status()).as("no error without Redis").isEqualTo(201);
			assertThat(positionsInTable()).as("the position went to PostgreSQL").isEqualTo(positionsInTable + 1);
			double replica = reads("replica");
			assertThat(orderIds(api2.get("/v1/orders", customer.token()))).contains(booked.text("id"));
			assertThat(reads("replica")).as("served by the primary").isEqualTo(replica);
			assertThat(orderIds(api2.get("/v1/orders", merchant.apiKey()))).as("while others read the replica")
				.doesNotContain(booked.text("id"));
			assertThat(reads("replica")).isEqualTo(replica + 1);
		}
		finally {
			REDIS.start();
		}
	}

	@Test
	@Order(2)
	void aMalformedReadAfterIsRefusedNamingTheHeader() {
		Fixtures.Person customer = fixtures.customer();
		Api.Response refused = api2.send("GET", "/v1/orders", customer.token(), null, "ReturnIt-Read-After", "soon");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.body().toString()).contains("ReturnIt-Read-After");
	}

	private void replicaServingAndCaughtUp() {
		DATABASES.awaitCaughtUp();
		for (Api node : List.of(api, api2)) {
			Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() -> {
				var components = node.get("/actuator/health/readiness", null).body().get("components");
				// Redis is skipped for 5 s after a failure (another test stops it)
				return "up".equals(components.at("/replica/details/replica").asString())
						&& components.at("/redis/details/reachable").isMissingNode();
			});
		}
		// both monitors have seen the replica caught up (they ask every 50 ms)
		Awaitility.await().pollDelay(Duration.ofMillis(150)).until(() -> true);
	}

	private static long positionsInTable() {
		return JdbcClient.create(DATABASES.primary().getPostgresDatabase())
			.sql("SELECT count(*) FROM read_after_positions").query(Long.class).single();
	}

	private static int positionsInRedis() {
		RedisClient client = RedisClient.create("redis://127.0.0.1:" + REDIS_PORT);
		try (var connection = client.connect()) {
			return connection.sync().keys("returnit:read-after:*").size();
		}
		finally {
			client.shutdown();
		}
	}

	private static double reads(String servedBy) {
		var counter = node2.bean(MeterRegistry.class).find("returnit.replica.reads").tag("served_by", servedBy)
			.counter();
		return counter == null ? 0 : counter.count();
	}

	private static List<String> orderIds(Api.Response list) {
		assertThat(list.status()).as(list.body().toString()).isEqualTo(200);
		return list.body().get("data").findValuesAsString("id");
	}
}
