package com.returnit.tracking.internal;

import com.returnit.tracking.DriverLocator;
import com.returnit.tracking.NearbyDriver;
import com.returnit.tracking.Position;
import com.returnit.tracking.internal.domain.DriverGrid;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Answers from this node's memory: nearby drivers from the on-shift index, latest positions from the cache; both see
 * other nodes' pings within a refresh interval (ADR 0007). Whether a driver is on shift is read from PostgreSQL.
 */
@Service
class TrackingLocator implements DriverLocator {

	private final OnShiftIndex index;
	private final LatestPositions positions;
	private final ShiftRepository shifts;
	private final TrackingProperties properties;
	private final Clock clock;

	TrackingLocator(OnShiftIndex index, LatestPositions positions, ShiftRepository shifts,
			TrackingProperties properties, Clock clock) {
		this.index = index;
		this.positions = positions;
		this.shifts = shifts;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public List<Position> onShiftPositions() {
		return index.positions();
	}

	@Override
	public List<NearbyDriver> nearestOnShift(double lat, double lng, int limit, Set<UUID> excluded) {
		if (limit <= 0) {
			return List.of();
		}
		return index.nearest(new DriverGrid.Query(lat, lng, limit, excluded,
				clock.instant().minus(properties.freshness()), properties.searchRadiusKm())).drivers();
	}

	@Override
	public Optional<Position> latest(UUID driverId) {
		return positions.get(driverId);
	}

	@Override
	public boolean onShift(UUID driverId) {
		return shifts.onShift(driverId);
	}
}
