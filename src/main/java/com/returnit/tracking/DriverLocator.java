package com.returnit.tracking;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The tracking module's API for dispatch and for order tracking. */
public interface DriverLocator {

	/**
	 * Drivers on shift with a position no older than the configured freshness, nearest first, at most {@code limit},
	 * skipping {@code excluded}. Served from a spatial index, never a scan of all drivers.
	 */
	List<NearbyDriver> nearestOnShift(double lat, double lng, int limit, Set<UUID> excluded);

	/** The driver's latest position, if any was ever received. */
	Optional<Position> latest(UUID driverId);

	boolean onShift(UUID driverId);

	/** The latest position of every driver on shift (whose position is known), from this node's index. */
	List<Position> onShiftPositions();
}
