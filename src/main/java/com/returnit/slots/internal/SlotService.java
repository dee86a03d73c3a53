package com.returnit.slots.internal;

import com.returnit.platform.InvalidInput;
import com.returnit.policy.Reason;
import com.returnit.policy.ServiceAreas;
import com.returnit.slots.PickupSlots;
import com.returnit.slots.SlotFull;
import com.returnit.slots.internal.domain.Bookable;
import com.returnit.slots.internal.domain.Schedule;
import com.returnit.slots.internal.domain.Window;
import com.returnit.slots.internal.domain.WindowPlan;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Lists an area's windows with the seats left, and holds and releases seats for bookings. */
@Service
class SlotService implements PickupSlots {

	static final String NOT_A_WINDOW = "is not one of this area's pickup windows; see GET /v1/slots";

	/** One listed window; {@code capacity} and {@code remaining} are null where the area sets no limit. */
	record Slot(Instant start, Instant end, @Nullable Integer capacity, @Nullable Integer remaining) {
	}

	/** The windows of one area: its own schedule's ({@code scheduled}), or the default suggestions. */
	record Listing(ServiceAreas.Area area, String timeZone, boolean scheduled, List<Slot> slots) {
	}

	private final ServiceAreas areas;
	private final Schedules schedules;
	private final SeatRepository seats;
	private final SlotProperties properties;
	private final Clock clock;

	SlotService(ServiceAreas areas, Schedules schedules, SeatRepository seats, SlotProperties properties,
			Clock clock) {
		this.areas = areas;
		this.schedules = schedules;
		this.seats = seats;
		this.properties = properties;
		this.clock = clock;
	}

	/** The bookable windows starting in {@code [from, to)} at this point; 422 naming lat when no area has it. */
	@Transactional(readOnly = true)
	Listing list(double lat, double lng, Instant from, Instant to) {
		ServiceAreas.Area area = areas.containing(lat, lng)
			.orElseThrow(() -> InvalidInput.unprocessable("lat", "is outside every service area"));
		Instant now = clock.instant();
		Schedule schedule = schedules.of(area.id()).orElse(null);
		WindowPlan plan = schedule == null ? properties.defaultPlan() : schedule.plan();
		Instant earliest = plan.earliestStart(now);
		List<Window> windows = plan.windowsStartingBetween(from.isBefore(earliest) ? earliest : from, to).stream()
			.filter(window -> Bookable.accepts(window, now))
			.toList();
		if (schedule == null) {
			return new Listing(area, plan.timeZone(), false,
					windows.stream().map(w -> new Slot(w.start(), w.end(), null, null)).toList());
		}
		Map<Instant, Integer> booked = windows.isEmpty() ? Map.of()
				: seats.booked(area.id(), windows.getFirst().start(), windows.getLast().end());
		int capacity = schedule.capacityPerWindow();
		return new Listing(area, plan.timeZone(), true, windows.stream()
			.map(w -> new Slot(w.start(), w.end(), capacity,
					Math.max(0, capacity - booked.getOrDefault(w.start(), 0))))
			.toList());
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void hold(UUID orderId, SlotRequest request) {
		Scheduled scheduled = scheduledAt(request);
		if (scheduled == null) {
			return;
		}
		Window window = new Window(request.windowStart(), request.windowEnd());
		String problem = windowProblem(scheduled.schedule().plan(), window);
		if (problem != null) {
			throw InvalidInput.unprocessable("window", problem);
		}
		if (!seats.hold(orderId, scheduled.area().id(), window, clock.instant())) {
			throw new SlotFull();
		}
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void release(UUID orderId) {
		seats.release(orderId);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Reason> reasons(SlotRequest request) {
		Scheduled scheduled = scheduledAt(request);
		if (scheduled == null) {
			return List.of();
		}
		Window window = new Window(request.windowStart(), request.windowEnd());
		String problem = windowProblem(scheduled.schedule().plan(), window);
		if (problem != null) {
			return List.of(new Reason("pickup_window", "The window " + problem + "."));
		}
		boolean full = seats.bookedAt(scheduled.area().id(), window.start()) >= scheduled.schedule().capacityPerWindow();
		return full ? List.of(new Reason(SlotFull.CODE, new SlotFull().getMessage())) : List.of();
	}

	private record Scheduled(ServiceAreas.Area area, Schedule schedule) {
	}

	private @Nullable Scheduled scheduledAt(SlotRequest request) {
		ServiceAreas.Area area = areas.containing(request.lat(), request.lng()).orElse(null);
		Schedule schedule = area == null ? null : schedules.of(area.id()).orElse(null);
		return schedule == null ? null : new Scheduled(area, schedule);
	}

	private @Nullable String windowProblem(WindowPlan plan, Window window) {
		if (!plan.offers(window)) {
			return NOT_A_WINDOW;
		}
		if (window.start().isBefore(plan.earliestStart(clock.instant()))) {
			return "starts too soon: this area's pickups are booked at least " + plan.leadMinutes()
					+ " minutes ahead; see GET /v1/slots";
		}
		return null;
	}
}
