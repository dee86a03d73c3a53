package com.returnit.tracking.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.returnit.platform.Redis;
import com.returnit.tracking.Position;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Each driver's latest position served from memory: loaded on a miss from Redis when configured, else (or for what
 * Redis lacks) from driver_positions_latest; moved forward by this node's writes at once and by other nodes' as soon
 * as the fan-out tells of them (and by the periodic refresh otherwise). A position only ever replaces an older one.
 * A driver with no position is not cached, so the first position another node writes is seen at once.
 */
@Component
class LatestPositions {

	private final Cache<UUID, Position> cache = Caffeine.newBuilder().maximumSize(500_000).build();
	private final PositionRepository repository;
	private final @Nullable RedisPositions redis;

	LatestPositions(PositionRepository repository, ObjectProvider<Redis> redis) {
		this.repository = repository;
		Redis shared = redis.getIfAvailable();
		this.redis = shared == null ? null : new RedisPositions(shared);
	}

	Optional<Position> get(UUID driverId) {
		return Optional.ofNullable(getAll(List.of(driverId)).get(driverId));
	}

	/** Positions of many drivers, reading every miss from Redis and then PostgreSQL, one round trip each. */
	Map<UUID, Position> getAll(Collection<UUID> driverIds) {
		return cache.getAll(driverIds, this::load);
	}

	/** Positions this node has just committed: cached, and shared through Redis when configured. */
	void advanced(List<Position> positions) {
		positions.forEach(position -> cache.asMap().merge(position.driverId(), position, LatestPositions::newer));
		if (redis != null) {
			redis.store(positions);
		}
	}

	/** A position read back from PostgreSQL: refreshes a cached driver, leaves the others to be loaded on demand. */
	void refreshed(Position position) {
		cache.asMap().computeIfPresent(position.driverId(), (id, cached) -> newer(cached, position));
	}

	/** Only the drivers found: Caffeine caches what the bulk load answers and leaves the rest out. */
	private Map<UUID, Position> load(Set<? extends UUID> driverIds) {
		Map<UUID, Position> loaded = new HashMap<>();
		Set<UUID> missing = new HashSet<>(driverIds);
		if (redis != null) {
			loaded.putAll(redis.findAll(missing));
			missing.removeAll(loaded.keySet());
		}
		repository.findAll(missing).forEach(p -> loaded.put(p.driverId(), p));
		return loaded;
	}

	private static Position newer(Position a, Position b) {
		return b.recordedAt().isAfter(a.recordedAt()) ? b : a;
	}
}
