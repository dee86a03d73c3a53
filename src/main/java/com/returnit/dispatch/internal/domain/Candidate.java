package com.returnit.dispatch.internal.domain;

import java.util.UUID;

/** A driver on shift who might take an order: how far away, what they drive, how much room is left. */
public record Candidate(UUID driverId, double distanceKm, String vehicleType, int capacityLeft) {

	/** The same driver, seen from another pickup. */
	public Candidate at(double km) {
		return new Candidate(driverId, km, vehicleType, capacityLeft);
	}
}
