package com.returnit.tracking.internal;

import com.returnit.tracking.Position;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps this node's latest-position cache and on-shift index in step with PostgreSQL, where other nodes write: at
 * start it loads the drivers on shift and their positions, then every refresh interval it reads the shifts and
 * positions changed since its watermarks. Watermarks are in the database's clock and re-read an overlap, because a
 * row's {@code updated_at} is its transaction's start, which can be earlier than rows already seen that committed first.
 */
@Component
class TrackingRefresher implements SmartInitializingSingleton {

	static final Duration OVERLAP = Duration.ofSeconds(5);

	private final ShiftRepository shifts;
	private final PositionRepository positions;
	private final LatestPositions latest;
	private final OnShiftIndex index;
	private final TrackingProperties properties;
	private final Clock clock;
	private Instant shiftsSeen = Instant.EPOCH;
	private Instant positionsSeen = Instant.EPOCH;

	TrackingRefresher(ShiftRepository shifts, PositionRepository positions, LatestPositions latest,
			OnShiftIndex index, TrackingProperties properties, Clock clock) {
		this.shifts = shifts;
		this.positions = positions;
		this.latest = latest;
		this.index = index;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Instant now = positions.databaseNow();
		List<UUID> onShift = shifts.allOnShift();
		Map<UUID, Position> known = latest.getAll(onShift);
		onShift.forEach(driverId -> index.shiftStarted(driverId, Optional.ofNullable(known.get(driverId))));
		shiftsSeen = now;
		positionsSeen = now;
	}

	@Scheduled(fixedDelayString = "${returnit.tracking.refresh-interval:1s}", initialDelayString = "${returnit.tracking.refresh-interval:1s}")
	synchronized void refresh() {
		for (ShiftRepository.Change change : shifts.changedSince(shiftsSeen.minus(OVERLAP))) {
			if (change.onShift() && !index.onShift(change.driverId())) {
				index.shiftStarted(change.driverId(), latest.get(change.driverId()));
			}
			else if (!change.onShift() && index.onShift(change.driverId())) {
				index.shiftEnded(change.driverId());
			}
			shiftsSeen = max(shiftsSeen, change.changedAt());
		}
		List<PositionRepository.Change> changes = positions.changedSince(positionsSeen.minus(OVERLAP));
		changes.forEach(change -> latest.refreshed(change.position()));
		index.moved(changes.stream().map(PositionRepository.Change::position).toList());
		changes.forEach(change -> positionsSeen = max(positionsSeen, change.updatedAt()));
		index.removeOlderThan(clock.instant().minus(properties.freshness()));
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}
}
