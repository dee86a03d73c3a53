package com.returnit.platform.internal.cache;

import com.returnit.platform.Redis;
import io.lettuce.core.ScriptOutputType;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The layer shared by every node in Redis: {@code returnit:cache:<cache>:<key>} holds the value as JSON for at most the
 * TTL, and {@code ...:gen} counts the key's invalidations. A node that loaded from the database writes its value only
 * if no invalidation happened since it looked (compare on the counter, in one script), so a value read before a
 * change can never be written back after it. When Redis is unavailable every call falls through to the loader.
 */
final class RedisLayer {

	private static final String READ = "return {redis.call('GET', KEYS[1]), redis.call('GET', KEYS[2])}";
	private static final String WRITE = """
			if (redis.call('GET', KEYS[2]) or '0') == ARGV[1] then
			  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
			  return 1
			end
			return 0""";
	private static final String INVALIDATE = """
			redis.call('INCR', KEYS[2])
			redis.call('PEXPIRE', KEYS[2], ARGV[1])
			redis.call('DEL', KEYS[1])
			return redis.call('PUBLISH', ARGV[2], ARGV[3])""";
	private static final Duration GENERATION_TTL = Duration.ofDays(1);

	private final Redis redis;
	private final JsonMapper json;
	private final Duration ttl;
	private final MeterRegistry meters;

	RedisLayer(Redis redis, JsonMapper json, Duration ttl, MeterRegistry meters) {
		this.redis = redis;
		this.json = json;
		this.ttl = ttl;
		this.meters = meters;
	}

	<V> @Nullable V get(String cache, String key, Class<V> type, Function<String, @Nullable V> loader) {
		String[] keys = keys(cache, key);
		List<@Nullable Object> found = redis.call(commands -> commands.eval(READ, ScriptOutputType.MULTI, keys));
		if (found == null) {
			count(cache, "unavailable");
			return loader.apply(key);
		}
		V cached = decode((String) found.get(0), type);
		if (cached != null) {
			count(cache, "hit");
			return cached;
		}
		count(cache, "miss");
		V loaded = loader.apply(key);
		if (loaded != null) {
			String generation = found.get(1) == null ? "0" : (String) found.get(1);
			String value = json.writeValueAsString(loaded);
			redis.call(commands -> commands.eval(WRITE, ScriptOutputType.INTEGER, keys, generation, value,
					Long.toString(ttl.toMillis())));
		}
		return loaded;
	}

	/** Counts the invalidation, drops the value and tells every node on {@code channel}; false if Redis failed. */
	boolean invalidate(String cache, String key, String channel, String message) {
		return redis.call(commands -> commands.eval(INVALIDATE, ScriptOutputType.INTEGER, keys(cache, key),
				Long.toString(GENERATION_TTL.toMillis()), channel, message)) != null;
	}

	private <V> @Nullable V decode(@Nullable String value, Class<V> type) {
		if (value == null) {
			return null;
		}
		try {
			return json.readValue(value, type);
		}
		catch (JacksonException e) {
			return null; // written by an older version of the value's type: load it again
		}
	}

	private void count(String cache, String result) {
		meters.counter("returnit.cache.shared.gets", "cache", cache, "result", result).increment();
	}

	private static String[] keys(String cache, String key) {
		String value = "returnit:cache:" + cache + ":" + key;
		return new String[] { value, value + ":gen" };
	}
}
