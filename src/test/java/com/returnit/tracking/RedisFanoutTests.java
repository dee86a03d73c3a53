package com.returnit.tracking;

import static com.returnit.support.StreamClient.status;
import static com.returnit.support.StreamClient.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnit.support.EmbeddedRedis;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import com.returnit.support.StreamClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.io.IOException;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import redis.embedded.RedisServer;

/** With Redis configured, the fan-out and the shared latest positions go through Redis, and survive its loss. */
@TestPropertySource(properties = "returnit.test.database=redis")
class RedisFanoutTests extends EndToEndTest {

	private static final int REDIS_PORT = EmbeddedRedis.freePort();
	private static final RedisServer REDIS = EmbeddedRedis.startedOn(REDIS_PORT);
	private static final Duration WAIT = Duration.ofSeconds(10);

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		registry.add("returnit.redis.url", () -> "redis://127.0.0.1:" + REDIS_PORT);
		// generous for a loaded CI machine: a timeout here would (correctly) fall back to PostgreSQL
		registry.add("returnit.redis.timeout", () -> "3s");
	}

	@AfterAll
	static void stopRedis() throws IOException {
		REDIS.stop();
	}

	@Test
	void orderChangesTravelThroughRedisAndNotThroughPostgres() throws Exception {
		Fixtures.Person customer = fixtures.customer();
		String orderId = fixtures.order(customer, fixtures.merchant("Redis Fan-out"));
		List<String> onRedis = new CopyOnWriteArrayList<>();
		try (RedisClient client = RedisClient.create("redis://127.0.0.1:" + REDIS_PORT);
				StatefulRedisPubSubConnection<String, String> pubSub = client.connectPubSub();
				Connection postgres = dataSource.getConnection();
				var stream = StreamClient.connect(port, customer.token(), "")) {
			pubSub.addListener(new RedisPubSubAdapter<>() {
				@Override
				public void message(String channel, String message) {
					onRedis.add(message);
				}
			});
			pubSub.sync().subscribe("returnit_stream");
			listen(postgres, "returnit_stream");
			stream.subscribe(orderId);
			stream.await(type("subscribed"), WAIT);

			api.post("/v1/orders/" + orderId + "/cancel", customer.token(), Map.of("reason", "via Redis"));

			assertThat(stream.await(status("cancelled"), WAIT).get("data").get("reason").asString())
				.isEqualTo("via Redis");
			// the server's own subscriber may hear the message before this test's subscriber does
			await().atMost(WAIT).untilAsserted(() -> assertThat(onRedis)
				.anySatisfy(message -> assertThat(message).contains(orderId, "cancelled")));
			assertThat(notifications(postgres)).as("PostgreSQL carried no NOTIFY").isEmpty();
		}
	}

	@Test
	void aDriversLatestPositionIsSharedInRedisAndOnlyMovesForward() {
		Fixtures.Person driver = fixtures.driver();
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

		api.post("/v1/drivers/me/locations", driver.token(), Pings.of().at(52.5100, 13.4000, now).body());
		api.post("/v1/drivers/me/locations", driver.token(), Pings.of().at(52.5000, 13.4000, now.minusSeconds(30)).body());

		try (RedisClient client = RedisClient.create("redis://127.0.0.1:" + REDIS_PORT);
				StatefulRedisConnection<String, String> redis = client.connect()) {
			assertThat(redis.sync().hget("returnit:positions:latest", driver.id())).startsWith("52.51,13.4,");
		}
	}

	@Test
	void whenRedisIsLostEverythingCarriesOnThroughPostgresAndComesBackToRedis() throws Exception {
		Fixtures.Person customer = fixtures.customer();
		Fixtures.MerchantRef merchant = fixtures.merchant("Redis Lost");
		String first = fixtures.order(customer, merchant);
		String second = fixtures.order(customer, merchant);
		Fixtures.Person driver = fixtures.driver();
		REDIS.stop();
		try (var stream = StreamClient.connect(port, customer.token(), "")) {
			stream.subscribe(first);
			stream.await(type("subscribed"), WAIT);

			assertThat(api.post("/v1/orders/" + first + "/cancel", customer.token(), Map.of("reason", "no Redis"))
				.status()).isEqualTo(200);
			assertThat(api.post("/v1/drivers/me/locations", driver.token(),
					Pings.of().at(52.52, 13.40, Instant.now()).body()).status()).isEqualTo(202);

			assertThat(stream.await(status("cancelled"), WAIT).get("orderId").asString()).isEqualTo(first);
		}
		finally {
			REDIS.start();
		}
		try (var stream = StreamClient.connect(port, customer.token(), "")) {
			stream.subscribe(second);
			stream.await(type("subscribed"), WAIT);
			// Redis is skipped for 5 s after a failure; then it carries the fan-out again
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
				assertThat(api.post("/v1/drivers/me/locations", driver.token(),
						Pings.of().at(52.53, 13.40, Instant.now()).body()).status()).isEqualTo(202);
				assertThat(redisPosition(driver)).startsWith("52.53,");
			});
			api.post("/v1/orders/" + second + "/cancel", customer.token(), Map.of("reason", "Redis is back"));
			assertThat(stream.await(status("cancelled"), WAIT).get("orderId").asString()).isEqualTo(second);
		}
	}

	private static String redisPosition(Fixtures.Person driver) {
		try (RedisClient client = RedisClient.create("redis://127.0.0.1:" + REDIS_PORT);
				StatefulRedisConnection<String, String> redis = client.connect()) {
			return String.valueOf(redis.sync().hget("returnit:positions:latest", driver.id()));
		}
	}

	private static void listen(Connection connection, String channel) throws Exception {
		connection.setAutoCommit(true);
		try (Statement statement = connection.createStatement()) {
			statement.execute("LISTEN " + channel);
		}
	}

	private static List<PGNotification> notifications(Connection connection) throws Exception {
		PGNotification[] received = connection.unwrap(PGConnection.class).getNotifications(1_000);
		return received == null ? List.of() : List.of(received);
	}
}
