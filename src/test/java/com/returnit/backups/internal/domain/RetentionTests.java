package com.returnit.backups.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionTests {

	private static final Instant NOW = Instant.parse("2026-11-22T07:00:00Z");

	@Test
	void hourlyBackupsForAYearKeep24Hours30DaysAnd52WeeksAndNothingElse() {
		List<Instant> backups = every(Duration.ofHours(1), 365 * 24);

		List<Instant> kept = new Retention(24, 30, 52).keep(backups);

		assertThat(kept).contains(NOW, NOW.minus(Duration.ofHours(23)));
		assertThat(kept).as("the 25th hour back is kept only as the newest of its day")
			.doesNotContain(NOW.minus(Duration.ofHours(24)));
		assertThat(kept).contains(Instant.parse("2026-11-21T23:00:00Z"), Instant.parse("2026-10-24T23:00:00Z"));
		assertThat(kept).as("day 31 back only as the newest of its ISO week (Sundays)")
			.doesNotContain(Instant.parse("2026-10-22T23:00:00Z"));
		assertThat(kept).contains(Instant.parse("2025-11-30T23:00:00Z"));
		// 24 hours today and yesterday's 7 hours overlap the days; the 30 days overlap the weeks
		assertThat(kept).hasSizeBetween(24 + 30 + 52 - 10, 24 + 30 + 52);
		assertThat(kept).isSortedAccordingTo(java.util.Comparator.reverseOrder());
	}

	@Test
	void pruningDeletesExactlyWhatIsNotKeptOldestFirst() {
		List<Instant> backups = every(Duration.ofHours(1), 100);
		Retention retention = new Retention(3, 2, 1);

		List<Instant> deleted = retention.prune(backups);

		assertThat(retention.keep(backups)).containsExactly(NOW, NOW.minus(Duration.ofHours(1)),
				NOW.minus(Duration.ofHours(2)), Instant.parse("2026-11-21T23:00:00Z"));
		assertThat(deleted).hasSize(100 - 4).isSorted().doesNotContainAnyElementsOf(retention.keep(backups));
	}

	@Test
	void aGapInBackupsNeverDeletesTheBackupsFromBeforeTheGap() {
		List<Instant> old = List.of(Instant.parse("2026-01-05T10:00:00Z"), Instant.parse("2026-01-06T10:00:00Z"));
		List<Instant> backups = new ArrayList<>(old);
		backups.add(NOW);

		assertThat(new Retention(24, 30, 52).prune(backups)).isEmpty();
	}

	@Test
	void theNewestBackupIsAlwaysKeptEvenWithNothingConfigured() {
		assertThat(new Retention(0, 0, 0).keep(every(Duration.ofHours(1), 5))).containsExactly(NOW);
		assertThat(new Retention(0, 0, 0).keep(List.of())).isEmpty();
	}

	@Test
	void negativeCountsAreRefused() {
		assertThatThrownBy(() -> new Retention(-1, 30, 52)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aBackupFileNameCarriesItsTimeAndOtherFilesAreNotBackups() {
		BackupFile file = new BackupFile(Instant.parse("2026-11-22T07:00:05.123Z"));

		assertThat(file.dumpName()).isEqualTo("returnit-20261122T070005Z.dump");
		assertThat(file.countsName()).isEqualTo("returnit-20261122T070005Z.counts");
		assertThat(BackupFile.parse(file.dumpName())).contains(file);
		assertThat(BackupFile.parse("returnit-20261122T070005Z.dump.partial")).isEmpty();
		assertThat(BackupFile.parse("notes.txt")).isEmpty();
	}

	@Test
	void rowCountsNameEveryTableThatDiffersOrIsMissing() {
		RowCounts expected = new RowCounts(java.util.Map.of("public.orders", 3L, "public.accounts", 2L));
		RowCounts actual = new RowCounts(java.util.Map.of("public.orders", 2L, "public.extra", 1L));

		assertThat(expected.compareWith(actual)).containsExactly(
				new RowCounts.Difference("public.accounts", 2, -1), new RowCounts.Difference("public.extra", -1, 1),
				new RowCounts.Difference("public.orders", 3, 2));
		assertThat(RowCounts.parse(expected.format())).isEqualTo(expected);
		assertThat(expected.compareWith(RowCounts.parse(expected.format()))).isEmpty();
	}

	private static List<Instant> every(Duration step, int count) {
		List<Instant> times = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			times.add(NOW.minus(step.multipliedBy(i)));
		}
		return times;
	}
}
