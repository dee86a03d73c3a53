package com.returnit.policy;

import java.util.List;
import java.util.UUID;

/** Where pickups are offered. */
public interface ServiceAreas {

	/** Defines an area from [lat, lng] vertices unless one with this name exists; answers its id either way. */
	UUID defineIfAbsent(String name, List<double[]> polygon);
}
