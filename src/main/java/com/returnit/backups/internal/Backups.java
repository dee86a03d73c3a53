package com.returnit.backups.internal;

import com.returnit.backups.internal.domain.BackupFile;
import com.returnit.backups.internal.domain.Retention;
import com.returnit.backups.internal.domain.RowCounts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Takes a backup: row counts and pg_dump (custom format) read the same exported snapshot, so the counts stored beside
 * the archive are exactly what it holds; the archive appears under its final name only once complete; then the
 * retention prunes the directory.
 */
final class Backups {

	/** What a backup produced. */
	record Taken(Path dump, RowCounts counts, long bytes, List<Path> pruned) {
	}

	private final Path dir;
	private final Retention retention;
	private final Clock clock;
	private final Consumer<String> out;

	Backups(Path dir, Retention retention, Clock clock, Consumer<String> out) {
		this.dir = dir;
		this.retention = retention;
		this.clock = clock;
		this.out = out;
	}

	Taken take(DatabaseTarget target, PgTools tools) throws IOException, SQLException {
		Files.createDirectories(dir);
		BackupFile file = new BackupFile(clock.instant());
		Path partial = dir.resolve(file.dumpName() + ".partial");
		try (Connection snapshotHolder = target.connect()) {
			snapshotHolder.setAutoCommit(false);
			snapshotHolder.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			String snapshot = exportSnapshot(snapshotHolder);
			RowCounts counts = TableCounter.count(snapshotHolder);
			out.accept("Backing up " + counts.tables().size() + " tables (" + counts.total() + " rows) of "
					+ target.jdbcUrl() + " to " + dir.resolve(file.dumpName()));
			Progress progress = new Progress(out, counts.tables().size(), "dumping contents of table ");
			tools.run("pg_dump", Stream.concat(Stream.of("--format=custom", "--verbose", "--snapshot=" + snapshot,
					"--file=" + partial), target.connectionArguments().stream()).toList(), target, progress);
			snapshotHolder.commit();
			Files.writeString(dir.resolve(file.countsName()), counts.format());
			Path dump = Files.move(partial, dir.resolve(file.dumpName()), StandardCopyOption.ATOMIC_MOVE);
			long bytes = Files.size(dump);
			out.accept("Backup written: " + dump + " (" + bytes / 1024 + " KiB)");
			return new Taken(dump, counts, bytes, prune());
		}
		finally {
			Files.deleteIfExists(partial);
		}
	}

	/** Deletes the backups the retention does not keep (archive and counts); answers the archives deleted. */
	List<Path> prune() throws IOException {
		Map<java.time.Instant, BackupFile> backups = list();
		List<Path> deleted = new java.util.ArrayList<>();
		for (var takenAt : retention.prune(List.copyOf(backups.keySet()))) {
			BackupFile file = backups.get(takenAt);
			Files.deleteIfExists(dir.resolve(file.countsName()));
			Path dump = dir.resolve(file.dumpName());
			Files.deleteIfExists(dump);
			deleted.add(dump);
		}
		out.accept("Retention " + retention + ": kept " + (backups.size() - deleted.size()) + ", deleted "
				+ deleted.size());
		return deleted;
	}

	/** The backups in the directory by time taken, oldest first. */
	Map<java.time.Instant, BackupFile> list() throws IOException {
		Map<java.time.Instant, BackupFile> backups = new TreeMap<>();
		if (Files.isDirectory(dir)) {
			try (Stream<Path> files = Files.list(dir)) {
				files.map(p -> BackupFile.parse(p.getFileName().toString())).flatMap(java.util.Optional::stream)
					.forEach(file -> backups.put(file.takenAt(), file));
			}
		}
		return backups;
	}

	private static String exportSnapshot(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT pg_export_snapshot()")) {
			rows.next();
			return rows.getString(1);
		}
	}
}
