package com.returnit.policy.internal;

import com.returnit.platform.SharedCache;
import com.returnit.platform.SharedCaches;
import com.returnit.policy.internal.domain.ServiceArea;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Every service area, cached as one list (there are a few per city, read on every quote and booking) and invalidated
 * on every node when an area is defined.
 */
@Component
class ServiceAreaIndex {

	/** The cached value: all areas at one moment. */
	record Areas(List<ServiceArea> all) {
	}

	private static final String ALL = "all";

	private final ServiceAreaRepository areas;
	private final SharedCache<Areas> cache;

	ServiceAreaIndex(ServiceAreaRepository areas, SharedCaches caches) {
		this.areas = areas;
		this.cache = caches.cache("service-areas", Areas.class);
	}

	/** True when a pickup at this point is inside a service area (bounding box first, then the polygon). */
	boolean covers(double lat, double lng) {
		return containing(lat, lng).isPresent();
	}

	/** The oldest area (ids are time-ordered) that contains the point. */
	Optional<ServiceArea> containing(double lat, double lng) {
		return all().stream()
			.filter(area -> lat >= area.minLat() && lat <= area.maxLat() && lng >= area.minLng() && lng <= area.maxLng())
			.filter(area -> area.contains(lat, lng))
			.findFirst();
	}

	Optional<ServiceArea> find(UUID id) {
		return all().stream().filter(area -> area.id().equals(id)).findFirst();
	}

	private List<ServiceArea> all() {
		Areas current = cache.get(ALL, key -> new Areas(areas.all()));
		return current == null ? List.of() : current.all();
	}

	/** Call in the transaction that adds or changes an area. */
	void changed() {
		cache.invalidate(ALL);
	}
}
