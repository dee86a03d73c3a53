package com.returnit.backups.internal.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A backup's file name says when it was taken, {@code returnit-20261122T070000Z.dump}; beside it lies the row-count
 * manifest {@code returnit-20261122T070000Z.counts}. Names sort in time order.
 */
public record BackupFile(Instant takenAt) {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);
	private static final Pattern NAME = Pattern.compile("returnit-(\\d{8}T\\d{6}Z)\\.dump");

	public BackupFile {
		takenAt = takenAt.truncatedTo(ChronoUnit.SECONDS);
	}

	public String dumpName() {
		return "returnit-" + STAMP.format(takenAt) + ".dump";
	}

	public String countsName() {
		return "returnit-" + STAMP.format(takenAt) + ".counts";
	}

	/** The backup a file name belongs to; empty for any other file. */
	public static Optional<BackupFile> parse(String fileName) {
		Matcher matcher = NAME.matcher(fileName);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		try {
			return Optional.of(new BackupFile(Instant.from(STAMP.parse(matcher.group(1)))));
		}
		catch (DateTimeParseException e) {
			return Optional.empty();
		}
	}
}
