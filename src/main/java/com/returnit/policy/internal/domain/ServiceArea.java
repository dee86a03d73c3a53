package com.returnit.policy.internal.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A polygon of [lat, lng] vertices inside which pickups are offered. */
public record ServiceArea(UUID id, String name, List<double[]> polygon, Instant createdAt) {

	/** Ray casting: a point is inside when a ray from it crosses the boundary an odd number of times. */
	public boolean contains(double lat, double lng) {
		boolean inside = false;
		for (int i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++) {
			double[] a = polygon.get(i);
			double[] b = polygon.get(j);
			boolean crosses = (a[0] > lat) != (b[0] > lat)
					&& lng < (b[1] - a[1]) * (lat - a[0]) / (b[0] - a[0]) + a[1];
			if (crosses) {
				inside = !inside;
			}
		}
		return inside;
	}

	public double minLat() {
		return polygon.stream().mapToDouble(p -> p[0]).min().orElseThrow();
	}

	public double maxLat() {
		return polygon.stream().mapToDouble(p -> p[0]).max().orElseThrow();
	}

	public double minLng() {
		return polygon.stream().mapToDouble(p -> p[1]).min().orElseThrow();
	}

	public double maxLng() {
		return polygon.stream().mapToDouble(p -> p[1]).max().orElseThrow();
	}
}
