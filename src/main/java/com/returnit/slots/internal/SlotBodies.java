package com.returnit.slots.internal;

import com.returnit.policy.ServiceAreas;
import com.returnit.slots.internal.domain.Schedule;
import com.returnit.slots.internal.domain.ScheduleRules;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The JSON shapes of schedules and slots. */
final class SlotBodies {

	private SlotBodies() {
	}

	record DayBody(@Schema(example = "monday") @Nullable String day, @Schema(example = "08:00") @Nullable String opens,
			@Schema(example = "20:00", description = "HH:mm, up to 24:00") @Nullable String closes) {
	}

	/** Every field is checked by the schedule rules, which name each problem's field. */
	record ScheduleBody(@Schema(example = "Europe/Berlin") @Nullable String timeZone,
			@Schema(example = "120", minimum = "60", maximum = "480") @Nullable Integer windowMinutes,
			@Schema(example = "8", minimum = "1", maximum = "1000") @Nullable Integer capacityPerWindow,
			@Schema(example = "60", minimum = "0", maximum = "2880") @Nullable Integer leadMinutes,
			@Schema(description = "open days, each at most once; a day not listed is closed")
			@Nullable List<@Nullable DayBody> days) {

		ScheduleRules.Input toInput() {
			return new ScheduleRules.Input(timeZone, windowMinutes, capacityPerWindow, leadMinutes, days == null ? null
					: days.stream().map(d -> d == null ? null : new ScheduleRules.Day(d.day(), d.opens(), d.closes()))
						.toList());
		}
	}

	record DayView(String day, String opens, String closes) {
	}

	record ScheduleView(UUID areaId, String timeZone, int windowMinutes, int capacityPerWindow, int leadMinutes,
			List<DayView> days, Instant updatedAt) {

		static ScheduleView of(Schedule schedule) {
			var plan = schedule.plan();
			return new ScheduleView(schedule.areaId(), plan.timeZone(), plan.windowMinutes(),
					schedule.capacityPerWindow(), plan.leadMinutes(),
					plan.days().stream().map(d -> new DayView(d.dayName(), d.opens(), d.closes())).toList(),
					schedule.updatedAt());
		}
	}

	record SlotArea(UUID id, String name, String timeZone) {
	}

	/** One window; {@code capacity} and {@code remaining} are null when the area sets no limit. */
	record SlotView(Instant start, Instant end, @Nullable Integer capacity, @Nullable Integer remaining) {
	}

	/** The windows of the area at the point; {@code scheduled} false: the default windows, without a limit. */
	record SlotsView(SlotArea area, boolean scheduled, List<SlotView> data) {

		static SlotsView of(SlotService.Listing listing) {
			ServiceAreas.Area area = listing.area();
			return new SlotsView(new SlotArea(area.id(), area.name(), listing.timeZone()), listing.scheduled(),
					listing.slots().stream()
						.map(s -> new SlotView(s.start(), s.end(), s.capacity(), s.remaining()))
						.toList());
		}
	}
}
