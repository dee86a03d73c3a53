package com.returnit.dispatch.internal.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses who gets the offer: the nearest driver whose vehicle fits the items and who has room left. Bikes carry
 * small returns only; cars and vans are limited by their capacity alone.
 */
public final class DriverMatching {

	/** The most parcels one order may have for each vehicle type; absent means only capacity limits it. */
	static final Map<String, Integer> MAX_ITEMS_PER_ORDER = Map.of("bike", 2, "cargo_bike", 8);

	private DriverMatching() {
	}

	public static boolean fits(Candidate candidate, int itemCount) {
		return candidate.capacityLeft() >= itemCount
				&& itemCount <= MAX_ITEMS_PER_ORDER.getOrDefault(candidate.vehicleType(), Integer.MAX_VALUE);
	}

	/** What offering the order to this driver costs: the pickup distance, or infeasible when the order does not fit. */
	public static double cost(Candidate candidate, int itemCount) {
		return fits(candidate, itemCount) ? candidate.distanceKm() : Assignment.INFEASIBLE;
	}

	public static Optional<Candidate> choose(List<Candidate> candidates, int itemCount) {
		return candidates.stream()
			.filter(candidate -> fits(candidate, itemCount))
			.min(Comparator.comparingDouble(Candidate::distanceKm));
	}
}
