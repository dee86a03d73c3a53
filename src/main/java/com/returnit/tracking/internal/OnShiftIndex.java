package com.returnit.tracking.internal;

import com.returnit.tracking.Position;
import com.returnit.tracking.internal.domain.DriverGrid;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.springframework.stereotype.Component;

/**
 * This node's spatial index of the drivers on shift. Fed by this node's own writes at once and by other nodes' through
 * {@code TrackingRefresher}; a driver is in the grid only while on shift and once a position is known.
 */
@Component
class OnShiftIndex {

	private final ReadWriteLock lock = new ReentrantReadWriteLock();
	private final DriverGrid grid;
	private final Set<UUID> onShift = new HashSet<>();

	OnShiftIndex(TrackingProperties properties) {
		this.grid = new DriverGrid(properties.cellDegrees());
	}

	void shiftStarted(UUID driverId, Optional<Position> latest) {
		write(() -> {
			onShift.add(driverId);
			latest.ifPresent(grid::put);
		});
	}

	void shiftEnded(UUID driverId) {
		write(() -> {
			onShift.remove(driverId);
			grid.remove(driverId);
		});
	}

	/** Latest positions, newer than what the index holds; those of drivers off shift are ignored. */
	void moved(Collection<Position> positions) {
		write(() -> positions.stream().filter(p -> onShift.contains(p.driverId()) && grid.isNewer(p)).forEach(grid::put));
	}

	void removeOlderThan(Instant cutoff) {
		write(() -> grid.removeOlderThan(cutoff));
	}

	/** The position of every driver on shift whose position is known. */
	java.util.List<Position> positions() {
		lock.readLock().lock();
		try {
			return grid.all();
		}
		finally {
			lock.readLock().unlock();
		}
	}

	boolean onShift(UUID driverId) {
		lock.readLock().lock();
		try {
			return onShift.contains(driverId);
		}
		finally {
			lock.readLock().unlock();
		}
	}

	DriverGrid.Nearest nearest(DriverGrid.Query query) {
		lock.readLock().lock();
		try {
			return grid.nearest(query);
		}
		finally {
			lock.readLock().unlock();
		}
	}

	private void write(Runnable change) {
		lock.writeLock().lock();
		try {
			change.run();
		}
		finally {
			lock.writeLock().unlock();
		}
	}
}
