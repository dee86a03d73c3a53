package com.returnit.tracking.internal;

import com.returnit.platform.Redis;
import com.returnit.tracking.Position;
import io.lettuce.core.KeyValue;
import io.lettuce.core.ScriptOutputType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Drivers' latest positions in one Redis hash, shared by the nodes so that a cold node reads them from Redis rather
 * than from PostgreSQL. Written after PostgreSQL committed them, and only forward in time (a Lua script compares the
 * fix times), so the hash never holds a position older than one it held; PostgreSQL stays the truth.
 */
class RedisPositions {

	static final String KEY = "returnit:positions:latest";

	/** ARGV holds (driver, value, micros) triples; a field is set only if it is absent or older. */
	private static final String SET_IF_NEWER = """
			local n = 0
			for i = 1, #ARGV, 3 do
			  local current = redis.call('HGET', KEYS[1], ARGV[i])
			  if (not current) or tonumber(string.match(current, '[^,]+$')) < tonumber(ARGV[i + 2]) then
			    redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
			    n = n + 1
			  end
			end
			return n""";

	private final Redis redis;

	RedisPositions(Redis redis) {
		this.redis = redis;
	}

	/** Stores what moved; a Redis failure is logged and ignored (the cache loads from PostgreSQL meanwhile). */
	void store(List<Position> moved) {
		if (moved.isEmpty()) {
			return;
		}
		List<String> args = new ArrayList<>(moved.size() * 3);
		for (Position p : moved) {
			long micros = ChronoUnit.MICROS.between(Instant.EPOCH, p.recordedAt());
			args.add(p.driverId().toString());
			args.add(p.lat() + "," + p.lng() + "," + micros);
			args.add(Long.toString(micros));
		}
		redis.call(commands -> commands.eval(SET_IF_NEWER, ScriptOutputType.INTEGER, new String[] { KEY },
				args.toArray(String[]::new)));
	}

	/** The positions Redis holds for these drivers (none if Redis is unavailable). */
	Map<UUID, Position> findAll(Collection<UUID> driverIds) {
		Map<UUID, Position> found = new HashMap<>();
		if (driverIds.isEmpty()) {
			return found;
		}
		List<KeyValue<String, String>> values = redis.call(
				commands -> commands.hmget(KEY, driverIds.stream().map(UUID::toString).toArray(String[]::new)));
		if (values == null) {
			return found;
		}
		for (KeyValue<String, String> value : values) {
			if (value.hasValue()) {
				String[] f = value.getValue().split(",");
				UUID driverId = UUID.fromString(value.getKey());
				found.put(driverId, new Position(driverId, Double.parseDouble(f[0]), Double.parseDouble(f[1]),
						Instant.EPOCH.plus(Long.parseLong(f[2]), ChronoUnit.MICROS)));
			}
		}
		return found;
	}
}
