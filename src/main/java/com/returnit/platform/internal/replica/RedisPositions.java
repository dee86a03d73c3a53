package com.returnit.platform.internal.replica;

import com.returnit.platform.Redis;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Callers' write positions in Redis (ADR 0026), one key each that expires with the read-your-writes window. A script
 * keeps the later of two positions, so that two writes of one caller finishing on two nodes never lower it.
 */
final class RedisPositions {

	private static final String PREFIX = "returnit:read-after:";
	private static final String KEEP_LATER = """
			local current = redis.call('GET', KEYS[1])
			if current and current >= ARGV[1] then
			  redis.call('PEXPIRE', KEYS[1], ARGV[2])
			else
			  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
			end
			return 1""";

	private final Redis redis;
	private final String keepMillis;

	RedisPositions(Redis redis, Duration keep) {
		this.redis = redis;
		this.keepMillis = String.valueOf(keep.toMillis());
	}

	/** False when Redis is unavailable or failed. */
	boolean record(String caller, long position) {
		Long done = redis.call(commands -> commands.<Long>eval(KEEP_LATER, ScriptOutputType.INTEGER,
				new String[] { PREFIX + caller }, WalPosition.sortable(position), keepMillis));
		return done != null;
	}

	/** The caller's position ({@link WalPosition#NONE} if none), or null when Redis is unavailable or failed. */
	@Nullable Long lookup(String caller) {
		Optional<String> found = redis.call(commands -> Optional.ofNullable(commands.get(PREFIX + caller)));
		return found == null ? null : found.map(WalPosition::fromSortable).orElse(WalPosition.NONE);
	}
}
