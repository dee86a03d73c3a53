package com.returnit.platform.internal.replica;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where each caller's last write ended in the primary's log (ADR 0026), shared by every node: Redis when configured,
 * the primary's {@code read_after_positions} otherwise and whenever Redis fails, with this node's own recent writes
 * in Caffeine in front, so that a caller reading right after writing here costs no lookup at all. Callers are
 * stored by a hash of their name: no personal data lands in Redis or in the table.
 */
final class WritePositions {

	private static final Logger log = LoggerFactory.getLogger(WritePositions.class);

	private final Cache<String, Long> local;
	private final @Nullable RedisPositions redis;
	private final DatabasePositions database;
	private final Duration keep;
	private final Clock clock;
	/** Until then lookups ask the table as well: positions went there while Redis was failing. */
	private volatile Instant databaseAlsoUntil = Instant.EPOCH;

	WritePositions(@Nullable RedisPositions redis, DatabasePositions database, Duration keep, Clock clock) {
		this.local = Caffeine.newBuilder().expireAfterWrite(keep).maximumSize(100_000).build();
		this.redis = redis;
		this.database = database;
		this.keep = keep;
		this.clock = clock;
	}

	/** Called after the caller's write committed: records the primary's position now and answers it. */
	long recordWrite(String callerName) {
		String caller = hash(callerName);
		long position;
		if (redis != null) {
			position = database.current();
			if (!redis.record(caller, position)) {
				redisFailed();
				database.record(caller, position);
			}
		}
		else {
			position = database.record(caller);
		}
		local.asMap().merge(caller, position, WalPosition::later);
		return position;
	}

	/**
	 * The position the caller's reads need, or an answer already past {@code replayed} as soon as one is known (then
	 * the read goes to the primary whatever else the caller wrote).
	 */
	long neededBy(String callerName, long replayed) {
		String caller = hash(callerName);
		Long mine = local.getIfPresent(caller);
		if (mine != null && !WalPosition.covers(replayed, mine)) {
			return mine;
		}
		long needed = mine == null ? WalPosition.NONE : mine;
		Long shared = redis == null ? null : redis.lookup(caller);
		if (shared == null) {
			if (redis != null) {
				redisFailed();
			}
			return WalPosition.later(needed, database.lookup(caller));
		}
		needed = WalPosition.later(needed, shared);
		if (clock.instant().isBefore(databaseAlsoUntil) && WalPosition.covers(replayed, needed)) {
			needed = WalPosition.later(needed, database.lookup(caller));
		}
		return needed;
	}

	private void redisFailed() {
		Instant until = clock.instant().plus(keep);
		if (until.isAfter(databaseAlsoUntil)) {
			if (!clock.instant().isBefore(databaseAlsoUntil)) {
				log.warn("Redis failed: callers' write positions go to PostgreSQL, and lookups ask it until {}", until);
			}
			databaseAlsoUntil = until;
		}
	}

	private static String hash(String caller) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(caller.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
