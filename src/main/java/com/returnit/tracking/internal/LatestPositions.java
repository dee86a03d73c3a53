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
 */
@Component
class LatestPositions {

	private final Cache<UUID, Optional<Position>> cache = Caffeine.newBuilder().maximumSize(500_000).build();
	private final PositionRepository repository;

	LatestPositions(PositionRepository repository) {
		this.repository = repository;
	}

	Optional<Position> get(UUID driverId) {
		return cache.get(driverId, repository::find);
	}

	/** Positions of many drivers, reading every miss from PostgreSQL in one query. */
	Map<UUID, Position> getAll(Collection<UUID> driverIds) {
		Map<UUID, Optional<Position>> found = cache.getAll(driverIds, this::load);
		Map<UUID, Position> positions = new HashMap<>();
		found.forEach((id, position) -> position.ifPresent(p -> positions.put(id, p)));
		return positions;
	}

	/** A position this node has just committed. */
	void advance(Position position) {
		cache.asMap().merge(position.driverId(), Optional.of(position), LatestPositions::newer);
	}

	/** A position read back from PostgreSQL: refreshes a cached driver, leaves the others to be loaded on demand. */
	void refreshed(Position position) {
		cache.asMap().computeIfPresent(position.driverId(), (id, cached) -> newer(cached, Optional.of(position)));
	}

	private Map<UUID, Optional<Position>> load(Set<? extends UUID> driverIds) {
		Map<UUID, Optional<Position>> loaded = new HashMap<>();
		driverIds.forEach(id -> loaded.put(id, Optional.empty()));
		repository.findAll(Set.copyOf(driverIds)).forEach(p -> loaded.put(p.driverId(), Optional.of(p)));
		return loaded;
	}

	private static Optional<Position> newer(Optional<Position> a, Optional<Position> b) {
		if (a.isEmpty()) {
			return b;
		}
		if (b.isEmpty()) {
			return a;
		}
		return b.get().recordedAt().isAfter(a.get().recordedAt()) ? b : a;
	}
}
