package com.returnit.policy.internal;

import com.returnit.platform.Ids;
import com.returnit.policy.ServiceAreas;
import com.returnit.policy.internal.domain.ServiceArea;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class ServiceAreaService implements ServiceAreas {

	private final ServiceAreaRepository areas;
	private final ServiceAreaIndex index;
	private final Clock clock;

	ServiceAreaService(ServiceAreaRepository areas, ServiceAreaIndex index, Clock clock) {
		this.areas = areas;
		this.index = index;
		this.clock = clock;
	}

	ServiceArea define(String name, List<double[]> polygon) {
		ServiceArea area = new ServiceArea(Ids.newId(clock), name, polygon, clock.instant());
		areas.insert(area);
		index.changed();
		return area;
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
