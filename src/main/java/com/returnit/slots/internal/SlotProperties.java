package com.returnit.slots.internal;

import com.returnit.platform.InvalidInput;
import com.returnit.slots.internal.domain.ScheduleRules;
import com.returnit.slots.internal.domain.WindowPlan;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code returnit.slots}: the windows listed for a service area that has no schedule of its own (every day from
 * {@code defaultOpens} to {@code defaultCloses} in {@code defaultTimeZone}), without a capacity. Such an area books
 * any window, as before slots existed; these are only suggestions.
 */
@ConfigurationProperties("returnit.slots")
record SlotProperties(String defaultTimeZone, String defaultOpens, String defaultCloses, int defaultWindowMinutes,
		int defaultLeadMinutes) {

	SlotProperties {
		defaultTimeZone = defaultTimeZone == null ? "UTC" : defaultTimeZone;
		defaultOpens = defaultOpens == null ? "08:00" : defaultOpens;
		defaultCloses = defaultCloses == null ? "20:00" : defaultCloses;
		defaultWindowMinutes = defaultWindowMinutes == 0 ? 120 : defaultWindowMinutes;
		defaultPlan(defaultTimeZone, defaultOpens, defaultCloses, defaultWindowMinutes, defaultLeadMinutes);
	}

	/** The default windows; invalid settings stop the start with the problems named. */
	WindowPlan defaultPlan() {
		return defaultPlan(defaultTimeZone, defaultOpens, defaultCloses, defaultWindowMinutes, defaultLeadMinutes);
	}

	private static WindowPlan defaultPlan(String zone, String opens, String closes, int windowMinutes,
			int leadMinutes) {
		var days = Arrays.stream(DayOfWeek.values())
			.map(day -> new ScheduleRules.Day(day.name().toLowerCase(Locale.ROOT), opens, closes))
			.toList();
		try {
			return ScheduleRules.parse(new ScheduleRules.Input(zone, windowMinutes, 1, leadMinutes, days)).plan();
		}
		catch (InvalidInput e) {
			throw new IllegalStateException("returnit.slots.default-*: " + e.errors().stream()
				.map(error -> error.field().replaceFirst("^days\\[0\\]\\.", "") + " " + error.message())
				.distinct().toList(), e);
		}
	}
}
