package com.returnit.slots.internal.domain;

import com.returnit.platform.FieldError;
import com.returnit.platform.InvalidInput;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Checks a schedule as written (every problem, each naming its field as in the request body) and turns it into a
 * {@link WindowPlan}. Windows are at least 60 minutes long because a booking's window must be (BookingWindow).
 */
public final class ScheduleRules {

	public static final int MIN_WINDOW = 60;
	public static final int MAX_WINDOW = 480;
	public static final int MAX_CAPACITY = 1000;
	public static final int MAX_LEAD = 2880;

	/** One day as written: {@code day} monday..sunday, {@code opens} and {@code closes} as HH:mm. */
	public record Day(@Nullable String day, @Nullable String opens, @Nullable String closes) {
	}

	/** A schedule as written, every part possibly missing. */
	public record Input(@Nullable String timeZone, @Nullable Integer windowMinutes, @Nullable Integer capacityPerWindow,
			@Nullable Integer leadMinutes, @Nullable List<@Nullable Day> days) {
	}

	/** A valid schedule: the windows and the capacity of each. */
	public record Parsed(WindowPlan plan, int capacityPerWindow) {
	}

	private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):([0-5][0-9])|24:00");
	private static final String DAY_NAMES = String.join(", ",
			Arrays.stream(DayOfWeek.values()).map(d -> d.name().toLowerCase(Locale.ROOT)).toList());

	private ScheduleRules() {
	}

	/** The plan of a valid schedule; otherwise a 400 listing every problem. */
	public static Parsed parse(Input input) {
		List<FieldError> errors = new ArrayList<>();
		String zone = timeZone(input.timeZone(), errors);
		Integer window = range("windowMinutes", input.windowMinutes(), MIN_WINDOW, MAX_WINDOW,
				" (a booking's window is at least 1 hour)", errors);
		Integer capacity = range("capacityPerWindow", input.capacityPerWindow(), 1, MAX_CAPACITY, "", errors);
		Integer lead = range("leadMinutes", input.leadMinutes(), 0, MAX_LEAD, "", errors);
		List<OpeningHours> days = days(input.days(), window, errors);
		if (!errors.isEmpty() || zone == null || window == null || capacity == null || lead == null) {
			throw new InvalidInput(400, errors);
		}
		return new Parsed(new WindowPlan(zone, window, lead, days), capacity);
	}

	private static @Nullable String timeZone(@Nullable String name, List<FieldError> errors) {
		if (name == null) {
			errors.add(new FieldError("timeZone", "must not be null"));
			return null;
		}
		if (!ZoneId.getAvailableZoneIds().contains(name.trim())) {
			errors.add(new FieldError("timeZone", "is not a time zone (an IANA name such as Europe/Berlin or UTC)"));
			return null;
		}
		return name.trim();
	}

	private static @Nullable Integer range(String field, @Nullable Integer value, int min, int max, String why,
			List<FieldError> errors) {
		if (value == null) {
			errors.add(new FieldError(field, "must not be null"));
			return null;
		}
		if (value < min || value > max) {
			errors.add(new FieldError(field, "must be between " + min + " and " + max + why));
			return null;
		}
		return value;
	}

	private static List<OpeningHours> days(@Nullable List<@Nullable Day> days, @Nullable Integer window,
			List<FieldError> errors) {
		if (days == null) {
			errors.add(new FieldError("days", "must not be null"));
			return List.of();
		}
		if (days.size() > 7) {
			errors.add(new FieldError("days", "must list each day at most once (at most 7 entries)"));
			return List.of();
		}
		List<OpeningHours> hours = new ArrayList<>();
		Set<DayOfWeek> seen = EnumSet.noneOf(DayOfWeek.class);
		for (int i = 0; i < days.size(); i++) {
			OpeningHours parsed = day("days[" + i + "]", days.get(i), window, seen, errors);
			if (parsed != null) {
				hours.add(parsed);
			}
		}
		hours.sort((a, b) -> a.day().compareTo(b.day()));
		return hours;
	}

	private static @Nullable OpeningHours day(String field, @Nullable Day day, @Nullable Integer window,
			Set<DayOfWeek> seen, List<FieldError> errors) {
		if (day == null) {
			errors.add(new FieldError(field, "must not be null"));
			return null;
		}
		DayOfWeek dayOfWeek = dayOfWeek(field + ".day", day.day(), seen, errors);
		Integer opens = minute(field + ".opens", day.opens(), "00:00 to 23:59", errors);
		if (opens != null && opens == 24 * 60) {
			errors.add(new FieldError(field + ".opens", "must be a time of day HH:mm, 00:00 to 23:59"));
			opens = null;
		}
		Integer closes = minute(field + ".closes", day.closes(), "00:00 to 24:00", errors);
		if (opens == null || closes == null) {
			return null;
		}
		if (closes <= opens) {
			errors.add(new FieldError(field + ".closes", "must be after opens"));
			return null;
		}
		if (window != null && closes - opens < window) {
			errors.add(new FieldError(field + ".closes",
					"must be at least windowMinutes (" + window + ") after opens, or the day has no window"));
			return null;
		}
		return dayOfWeek == null ? null : new OpeningHours(dayOfWeek, opens, closes);
	}

	private static @Nullable DayOfWeek dayOfWeek(String field, @Nullable String name, Set<DayOfWeek> seen,
			List<FieldError> errors) {
		if (name == null) {
			errors.add(new FieldError(field, "must not be null"));
			return null;
		}
		DayOfWeek day = Arrays.stream(DayOfWeek.values())
			.filter(d -> d.name().toLowerCase(Locale.ROOT).equals(name))
			.findFirst().orElse(null);
		if (day == null) {
			errors.add(new FieldError(field, "must be one of " + DAY_NAMES));
			return null;
		}
		if (!seen.add(day)) {
			errors.add(new FieldError(field, "is listed twice: give each day at most once"));
			return null;
		}
		return day;
	}

	private static @Nullable Integer minute(String field, @Nullable String text, String range,
			List<FieldError> errors) {
		if (text == null) {
			errors.add(new FieldError(field, "must not be null"));
			return null;
		}
		Matcher matcher = TIME.matcher(text);
		if (!matcher.matches()) {
			errors.add(new FieldError(field, "must be a time of day HH:mm, " + range));
			return null;
		}
		return matcher.group(1) == null ? 24 * 60
				: Integer.parseInt(matcher.group(1)) * 60 + Integer.parseInt(matcher.group(2));
	}
}
