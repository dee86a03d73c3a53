package com.returnit.inputs;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;

/**
 * The times and dates the API takes: years 1 to 9999. Java reads far wider ones (year ±999,999,999), which overflow
 * conversions to SQL timestamps and PostgreSQL's own range (4713 BC to 294276 AD) deep in a query; no pickup,
 * statement or audit search needs a time outside this one.
 */
public final class Times {

	public static final Instant MIN = LocalDate.of(1, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
	public static final Instant MAX = LocalDate.of(9999, 12, 31).atTime(23, 59, 59, 999_999_999).toInstant(ZoneOffset.UTC);

	public static final String RANGE = "from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z";

	private Times() {
	}

	/** True when the time or date lies in years 1 to 9999. */
	public static boolean within(Temporal value) {
		return switch (value) {
			case Instant instant -> !instant.isBefore(MIN) && !instant.isAfter(MAX);
			case OffsetDateTime time -> within(time.toInstant()) && yearWithin(time.getYear());
			case LocalDate date -> yearWithin(date.getYear());
			case YearMonth month -> yearWithin(month.getYear());
			default -> true;
		};
	}

	private static boolean yearWithin(int year) {
		return year >= 1 && year <= 9999;
	}

	/** The value, or an IllegalArgumentException saying the range. */
	public static <T extends Temporal> T checked(T value) {
		if (!within(value)) {
			throw new IllegalArgumentException("is outside the range the service takes, " + RANGE);
		}
		return value;
	}
}
