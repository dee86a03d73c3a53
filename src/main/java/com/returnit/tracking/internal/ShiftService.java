package com.returnit.tracking.internal;

import com.returnit.platform.Conflict;
import com.returnit.platform.Ids;
import com.returnit.tracking.internal.domain.Shift;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Drivers going on and off shift; this node's index learns at once, other nodes within a refresh. */
@Service
class ShiftService {

	private final ShiftRepository shifts;
	private final OnShiftIndex index;
	private final LatestPositions positions;
	private final Clock clock;

	ShiftService(ShiftRepository shifts, OnShiftIndex index, LatestPositions positions, Clock clock) {
		this.shifts = shifts;
		this.index = index;
		this.positions = positions;
		this.clock = clock;
	}

	/** Starts a shift, or answers the one already running: starting twice is harmless. */
	Shift start(UUID driverId) {
		Optional<Shift> running = shifts.open(driverId);
		if (running.isPresent()) {
			return running.get();
		}
		Shift shift = Shift.start(Ids.newId(clock), driverId, now());
		if (!shifts.insertOpen(shift)) {
			return shifts.open(driverId).orElseThrow(() -> new Conflict("The shift changed meanwhile; try again."));
		}
		index.shiftStarted(driverId, positions.get(driverId));
		return shift;
	}

	Shift end(UUID driverId) {
		Shift running = shifts.open(driverId).orElseThrow(() -> new Conflict("You are not on shift."));
		Shift ended = running.end(now());
		if (!shifts.close(ended)) {
			throw new Conflict("You are not on shift.");
		}
		index.shiftEnded(driverId);
		return ended;
	}

	/** In the database's precision, so an answer matches what is read back later. */
	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	Optional<Shift> last(UUID driverId) {
		return shifts.last(driverId);
	}
}
