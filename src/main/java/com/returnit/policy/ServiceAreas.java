package com.returnit.policy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where pickups are offered. */
public interface ServiceAreas {

	/** A service area as other modules see it. */
	record Area(UUID id, String name) {
	}

	/** Defines an area from [lat, lng] vertices unless one with this name exists; answers its id either way. */
	UUID defineIfAbsent(String name, List<double[]> polygon);

	Optional<Area> find(UUID id);

	/** The area a pickup at this point belongs to: where areas overlap, the oldest one containing the point. */
	Optional<Area> containing(double lat, double lng);
}
