package com.returnit.policy.internal;

import com.returnit.platform.AuditLog;
import com.returnit.platform.Ids;
import com.returnit.platform.NotFound;
import com.returnit.policy.ServiceAreas;
import com.returnit.policy.internal.domain.ServiceArea;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class ServiceAreaService implements ServiceAreas {

	private final ServiceAreaRepository areas;
	private final ServiceAreaIndex index;
	private final AuditLog audit;
	private final Clock clock;

	ServiceAreaService(ServiceAreaRepository areas, ServiceAreaIndex index, AuditLog audit, Clock clock) {
		this.areas = areas;
		this.index = index;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	ServiceArea define(String name, List<double[]> polygon) {
		ServiceArea area = new ServiceArea(Ids.newId(clock), name, polygon, clock.instant());
		areas.insert(area);
		index.changed();
		audit.record("service_area.defined", "service_area", area.id(), detail(area));
		return area;
	}

	/**
	 * Renames the area or moves its boundary (operators), audited in the same transaction; every node's cached areas
	 * are dropped, so the next quote anywhere sees the new boundary. Orders already booked keep their area.
	 */
	@Transactional
	ServiceArea change(UUID id, String name, List<double[]> polygon) {
		ServiceArea before = areas.find(id).orElseThrow(() -> new NotFound("Service area"));
		ServiceArea after = new ServiceArea(id, name, polygon, before.createdAt());
		areas.update(after);
		index.changed();
		audit.record("service_area.changed", "service_area", id, detail(after));
		return after;
	}

	private static Map<String, Object> detail(ServiceArea area) {
		return Map.of("name", area.name(), "vertices", area.polygon().size(), "bounds", "%s,%s,%s,%s"
			.formatted(area.minLat(), area.minLng(), area.maxLat(), area.maxLng()));
	}

	@Override
	@Transactional
	public UUID defineIfAbsent(String name, List<double[]> polygon) {
		return areas.findIdByName(name).orElseGet(() -> define(name, polygon).id());
	}

	@Override
	public Optional<Area> find(UUID id) {
		return index.find(id).map(ServiceAreaService::view);
	}

	@Override
	public Optional<Area> containing(double lat, double lng) {
		return index.containing(lat, lng).map(ServiceAreaService::view);
	}

	private static Area view(ServiceArea area) {
		return new Area(area.id(), area.name());
	}
}
