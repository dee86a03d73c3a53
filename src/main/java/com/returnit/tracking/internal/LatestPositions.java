package com.returnit.tracking.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.returnit.tracking.Position;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Each driver's latest position served from memory: loaded from driver_positions_latest on a miss, moved forward by
 * this node's writes at once and by other nodes' writes within a refresh. A position only ever replaces an older one.
 * A driver with no position is not cached, so the first position another node writes is seen at once.
 */
@Component
class LatestPositions {

	private final Cache<UUID, Position> cache = Caffeine.newBuilder().maximumSize(500_000).build();
	private final PositionRepository repository;

	LatestPositions(PositionRepository repository) {
		this.repository = repository;
	}

	Optional<Position> get(UUID driverId) {
		return Optional.ofNullable(cache.get(driverId, id -> repository.find(id).orElse(null)));
	}

	/** Positions of many drivers, reading every miss from PostgreSQL in one query. */
	Map<UUID, Position> getAll(Collection<UUID> driverIds) {
		return cache.getAll(driverIds, this::load);
	}

	/** A position this node has just committed. */
	void advance(Position position) {
		cache.asMap().merge(position.driverId(), position, LatestPositions::newer);
	}

	/** A position read back from PostgreSQL: refreshes a cached driver, leaves the others to be loaded on demand. */
	void refreshed(Position position) {
		cache.asMap().computeIfPresent(position.driverId(), (id, cached) -> newer(cached, position));
	}

	/** Only the drivers found: Caffeine caches what the bulk load answers and leaves the rest out. */
	private Map<UUID, Position> load(Set<? extends UUID> driverIds) {
		Map<UUID, Position> loaded = new HashMap<>();
		repository.findAll(Set.copyOf(driverIds)).forEach(p -> loaded.put(p.driverId(), p));
		return loaded;
	}

	private static Position newer(Position a, Position b) {
		return b.recordedAt().isAfter(a.recordedAt()) ? b : a;
	}
}
