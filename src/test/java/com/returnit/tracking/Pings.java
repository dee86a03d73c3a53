package com.returnit.tracking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request bodies for POST /v1/drivers/me/locations. */
final class Pings {

	private final List<Map<String, Object>> pings = new ArrayList<>();

	static Pings of() {
		return new Pings();
	}

	Pings at(double lat, double lng, Instant recordedAt) {
		Map<String, Object> ping = new LinkedHashMap<>();
		ping.put("lat", lat);
		ping.put("lng", lng);
		ping.put("recordedAt", recordedAt.toString());
		ping.put("accuracyM", 8.5);
		ping.put("speedMps", 4.2);
		ping.put("headingDeg", 90);
		pings.add(ping);
		return this;
	}

	Map<String, Object> body() {
		return Map.of("pings", pings);
	}
}
