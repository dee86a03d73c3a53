package com.returnit.backups.internal.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Which backups to keep: the newest of each of the last {@code hourly} hours, {@code daily} days and {@code weekly}
 * ISO weeks (UTC) that have a backup, and always the newest backup of all. A backup kept by any rule stays. Counting
 * buckets that have a backup, not calendar time, means a gap in backups (the service was down a week) never deletes
 * the backups from before the gap.
 */
public record Retention(int hourly, int daily, int weekly) {

	public Retention {
		if (hourly < 0 || daily < 0 || weekly < 0) {
			throw new IllegalArgumentException("retention counts must be >= 0");
		}
	}

	/** The backups to keep, newest first. */
	public List<Instant> keep(List<Instant> backups) {
		List<Instant> newestFirst = backups.stream().distinct().sorted(Comparator.reverseOrder()).toList();
		Set<Instant> kept = new LinkedHashSet<>();
		if (!newestFirst.isEmpty()) {
			kept.add(newestFirst.getFirst());
		}
		kept.addAll(newestPerBucket(newestFirst, hourly, t -> utc(t).truncatedTo(ChronoUnit.HOURS).toString()));
		kept.addAll(newestPerBucket(newestFirst, daily, t -> utc(t).toLocalDate().toString()));
		kept.addAll(newestPerBucket(newestFirst, weekly, t -> utc(t).get(IsoFields.WEEK_BASED_YEAR) + "-W"
				+ utc(t).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
		return newestFirst.stream().filter(kept::contains).toList();
	}

	/** The backups to delete, oldest first. */
	public List<Instant> prune(List<Instant> backups) {
		Set<Instant> kept = Set.copyOf(keep(backups));
		return backups.stream().distinct().filter(t -> !kept.contains(t)).sorted().toList();
	}

	private static List<Instant> newestPerBucket(List<Instant> newestFirst, int buckets,
			Function<Instant, String> bucketOf) {
		Set<String> seen = new HashSet<>();
		return newestFirst.stream().filter(t -> seen.size() < buckets && seen.add(bucketOf.apply(t))).toList();
	}

	private static ZonedDateTime utc(Instant instant) {
		return instant.atZone(ZoneOffset.UTC);
	}
}
