package com.returnit.platform;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared Redis, when {@code returnit.redis.url} is set (ADR 0019): one connection per node, opened lazily and
 * re-opened after a failure. Redis is never the truth: a caller always has a PostgreSQL or local path, so every call
 * here fails fast (commands are refused while disconnected, 500 ms timeout) and, after a failure, Redis is skipped
 * for a few seconds rather than waited on again.
 */
public final class Redis implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(Redis.class);
	private static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(5);

	private final RedisClient client;
	private final Clock clock;
	private @Nullable StatefulRedisConnection<String, String> connection;
	private volatile Instant pausedUntil = Instant.EPOCH;

	public Redis(RedisClient client, Clock clock) {
		this.client = client;
		this.clock = clock;
	}

	public RedisClient client() {
		return client;
	}

	/** True unless Redis failed within the last few seconds. */
	public boolean available() {
		return !clock.instant().isBefore(pausedUntil);
	}

	/**
	 * Runs the commands, or returns {@code null} if Redis is unavailable or fails (logged; Redis is then skipped for a
	 * few seconds).
	 */
	public <T> @Nullable T call(Function<RedisCommands<String, String>, T> commands) {
		if (!available()) {
			return null;
		}
		long started = System.nanoTime();
		try {
			return commands.apply(connection().sync());
		}
		catch (RuntimeException e) {
			pausedUntil = clock.instant().plus(PAUSE_AFTER_FAILURE);
			log.warn("Redis failed after {} ms ({}); using PostgreSQL and local state for {} s",
					(System.nanoTime() - started) / 1_000_000, e.getMessage(), PAUSE_AFTER_FAILURE.toSeconds());
			return null;
		}
	}

	private synchronized StatefulRedisConnection<String, String> connection() {
		if (connection == null || !connection.isOpen()) {
			connection = client.connect();
		}
		return connection;
	}

	@Override
	public synchronized void close() {
		if (connection != null) {
			connection.close();
		}
		client.shutdown();
		client.getResources().shutdown();
	}
}
