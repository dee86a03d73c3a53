package com.returnit.operations.internal;

import java.util.List;
import java.util.UUID;

/** One service area: how many drivers on shift are in it, and how many pickups due soon still have no driver. */
record AreaCoverage(UUID id, String name, List<double[]> polygon, int driversOnShift, int pickupsDue) {

	/** An active area (pickups due) with no driver on shift. */
	boolean uncovered() {
		return pickupsDue > 0 && driversOnShift == 0;
	}

	static List<AreaCoverage> of(List<ReadModel.Area> areas, List<ReadModel.DriverOnShift> drivers,
			List<ReadModel.Point> pickupsDue) {
		return areas.stream().map(area -> new AreaCoverage(area.id(), area.name(), area.polygon(),
				(int) drivers.stream().filter(d -> d.lat() != null && inside(area.polygon(), d.lat(), d.lng())).count(),
				(int) pickupsDue.stream().filter(p -> inside(area.polygon(), p.lat(), p.lng())).count()))
			.toList();
	}

	/** Ray casting over [lat, lng] vertices. */
	static boolean inside(List<double[]> polygon, double lat, double lng) {
		boolean inside = false;
		for (int i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++) {
			double[] a = polygon.get(i);
			double[] b = polygon.get(j);
			if ((a[0] > lat) != (b[0] > lat) && lng < (b[1] - a[1]) * (lat - a[0]) / (b[0] - a[0]) + a[1]) {
				inside = !inside;
			}
		}
		return inside;
	}
}
