package com.returnit.operations.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the database says about the business right now, read every evaluation; gauges and rules use the latest. */
record Snapshot(Instant takenAt, Map<String, Long> ordersByStatus, List<ReadModel.DriverOnShift> drivers,
		List<AreaCoverage> areas, long eventBacklog, ReadModel.DatabaseStats database) {

	static Snapshot empty() {
		return new Snapshot(Instant.EPOCH, Map.of(), List.of(), List.of(), 0, new ReadModel.DatabaseStats(0, 0, 0, 0, 0));
	}

	/** Areas with pickups due soon and nobody on shift to take them. */
	List<AreaCoverage> uncovered() {
		return areas.stream().filter(AreaCoverage::uncovered).toList();
	}
}
