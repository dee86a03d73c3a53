package com.returnit.platform.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.platform.Redis;
import com.returnit.platform.SharedCaches;
import com.returnit.support.EmbeddedRedis;
import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;
import tools.jackson.databind.json.JsonMapper;

/** The Redis layer between the nodes and the database, against a real Redis. */
class RedisLayerTests {

	private static final Duration TTL = Duration.ofSeconds(30);
	private static int port;
	private static RedisServer server;
	private static Redis redis;
	private static RedisLayer layer;

	private final AtomicReference<String> database = new AtomicReference<>("version 1");
	private final AtomicInteger loads = new AtomicInteger();

	@BeforeAll
	static void startRedis() throws IOException {
		port = EmbeddedRedis.freePort();
		server = EmbeddedRedis.startedOn(port);
		redis = new Redis(RedisClient.create("redis://127.0.0.1:" + port), Clock.systemUTC());
		layer = new RedisLayer(redis, JsonMapper.builder().build(), TTL, new SimpleMeterRegistry());
	}

	@AfterAll
	static void stopRedis() throws IOException {
		redis.close();
		server.stop();
	}

	@Test
	void aValueLoadedByOneNodeIsServedToTheOthersFromRedis() {
		assertThat(node().get("a", this::load)).isEqualTo("version 1");

		assertThat(node().get("a", this::load)).isEqualTo("version 1");
		assertThat(loads).as("one database read for both nodes").hasValue(1);
	}

	@Test
	void aValueReadBeforeAChangeIsNeverWrittenToRedisAfterIt() {
		String answered = layer.get("policies", "b", String.class, key -> {
			String read = load(key);
			database.set("version 2");
			layer.invalidate("policies", "b", SharedCaches.CHANNEL, "policies/b"); // the change commits meanwhile
			return read;
		});

		String inRedis = redis.call(commands -> commands.get("returnit:cache:policies:b"));
		assertThat(answered).isEqualTo("version 1");
		assertThat(inRedis).isNull();
		assertThat(node().get("b", this::load)).isEqualTo("version 2");
	}

	@Test
	void whileRedisMayStillHoldTheOldValueANodeToldOfTheChangeReadsTheDatabase() {
		node().get("c", this::load);
		database.set("version 2"); // changed while Redis could not be cleared
		LayeredCache<String> told = node();

		told.evict("c", true);

		assertThat(told.get("c", this::load)).isEqualTo("version 2");
		assertThat(node().get("c", this::load)).as("what Redis still holds").isEqualTo("version 1");
	}

	private LayeredCache<String> node() {
		return new LayeredCache<>("policies", String.class, new CacheProperties(TTL, 100), layer, null);
	}

	private String load(String key) {
		loads.incrementAndGet();
		return database.get();
	}
}
