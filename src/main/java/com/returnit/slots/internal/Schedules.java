package com.returnit.slots.internal;

import com.returnit.platform.AuditLog;
import com.returnit.platform.NotFound;
import com.returnit.platform.SharedCache;
import com.returnit.platform.SharedCaches;
import com.returnit.policy.ServiceAreas;
import com.returnit.slots.PickupSchedules;
import com.returnit.slots.internal.domain.Schedule;
import com.returnit.slots.internal.domain.ScheduleRules;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every area's schedule, cached as one list (a few per city, read on every booking and every slots listing) and
 * invalidated on every node when one changes.
 */
@Service
class Schedules implements PickupSchedules {

	/** The cached value: all schedules at one moment. */
	record All(List<Schedule> schedules) {
	}

	private static final String ALL = "all";

	private final ScheduleRepository repository;
	private final ServiceAreas areas;
	private final AuditLog audit;
	private final Clock clock;
	private final SharedCache<All> cache;

	Schedules(ScheduleRepository repository, ServiceAreas areas, AuditLog audit, Clock clock, SharedCaches caches) {
		this.repository = repository;
		this.areas = areas;
		this.audit = audit;
		this.clock = clock;
		this.cache = caches.cache("pickup-schedules", All.class);
	}

	Optional<Schedule> of(UUID areaId) {
		All all = cache.get(ALL, key -> new All(repository.all()));
		return all == null ? Optional.empty()
				: all.schedules().stream().filter(s -> s.areaId().equals(areaId)).findFirst();
	}

	/** Replaces the area's schedule (operators), audited in the same transaction. */
	@Transactional
	Schedule put(UUID areaId, ScheduleRules.Input input) {
		requireArea(areaId);
		Schedule schedule = schedule(areaId, ScheduleRules.parse(input));
		repository.save(schedule, false);
		cache.invalidate(ALL);
		audit.record("service_area.schedule_changed", "service_area", areaId, auditDetail(schedule));
		return schedule;
	}

	@Override
	@Transactional
	public void defineIfAbsent(UUID areaId, Definition definition) {
		requireArea(areaId);
		ScheduleRules.Input input = new ScheduleRules.Input(definition.timeZone(), definition.windowMinutes(),
				definition.capacityPerWindow(), definition.leadMinutes(), definition.days().stream()
					.map(h -> new ScheduleRules.Day(h.day(), h.opens(), h.closes()))
					.toList());
		Schedule schedule = schedule(areaId, ScheduleRules.parse(input));
		if (repository.save(schedule, true)) {
			cache.invalidate(ALL);
			audit.record("service_area.schedule_changed", "service_area", areaId, auditDetail(schedule));
		}
	}

	ServiceAreas.Area requireArea(UUID areaId) {
		return areas.find(areaId).orElseThrow(() -> new NotFound("Service area"));
	}

	private Schedule schedule(UUID areaId, ScheduleRules.Parsed parsed) {
		return new Schedule(areaId, parsed.plan(), parsed.capacityPerWindow(),
				clock.instant().truncatedTo(ChronoUnit.MICROS));
	}

	private static Map<String, Object> auditDetail(Schedule schedule) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("timeZone", schedule.plan().timeZone());
		detail.put("windowMinutes", schedule.plan().windowMinutes());
		detail.put("capacityPerWindow", schedule.capacityPerWindow());
		detail.put("leadMinutes", schedule.plan().leadMinutes());
		detail.put("days", schedule.plan().days().stream()
			.map(d -> d.dayName() + " " + d.opens() + "-" + d.closes())
			.collect(Collectors.joining(", ")));
		return detail;
	}
}
