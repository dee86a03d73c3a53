package com.returnit.slots;

import java.util.List;
import java.util.UUID;

/** Service areas' pickup schedules, for set-up code (operators change them over HTTP). */
public interface PickupSchedules {

	/** Opening hours of one day: {@code day} monday..sunday, {@code opens} and {@code closes} as HH:mm. */
	record Hours(String day, String opens, String closes) {
	}

	/** A schedule as an operator writes it. */
	record Definition(String timeZone, int windowMinutes, int capacityPerWindow, int leadMinutes, List<Hours> days) {
	}

	/**
	 * Gives the area this schedule unless it has one already (so that an operator's changes are kept).
	 *
	 * @throws com.returnit.platform.InvalidInput when the definition is invalid
	 * @throws com.returnit.platform.NotFound when there is no such area
	 */
	void defineIfAbsent(UUID areaId, Definition definition);
}
