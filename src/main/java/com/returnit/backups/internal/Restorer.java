package com.returnit.backups.internal;

import com.returnit.backups.internal.domain.BackupFile;
import com.returnit.backups.internal.domain.RowCounts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Restores a backup into a new database of the same server, then counts its rows per table and compares them with the
 * counts taken with the backup. {@code --verify} restores into a scratch database dropped afterwards; {@code --into}
 * restores into a database of that name, which must not exist yet: a restore never overwrites data.
 */
final class Restorer {

	/** The outcome: which archive, into which database, and every table whose count differs (none: verified). */
	record Verdict(Path dump, String database, RowCounts expected, RowCounts restored,
			List<RowCounts.Difference> differences) {

		boolean verified() {
			return differences.isEmpty();
		}
	}

	private final Consumer<String> out;

	Restorer(Consumer<String> out) {
		this.out = out;
	}

	Verdict restore(Path dump, DatabaseTarget server, String database, boolean dropAfterwards, PgTools tools)
			throws IOException, SQLException {
		RowCounts expected = RowCounts.parse(Files.readString(countsOf(dump)));
		DatabaseTarget into = server.withDatabase(database);
		execute(server, "CREATE DATABASE " + quote(database) + " TEMPLATE template0");
		try {
			out.accept("Restoring " + dump + " (" + expected.tables().size() + " tables, " + expected.total()
					+ " rows) into database " + database);
			Progress progress = new Progress(out, expected.tables().size(), "processing data for table ");
			tools.run("pg_restore", Stream.concat(Stream.of("--verbose", "--no-owner", "--no-privileges",
					"--exit-on-error", "--single-transaction"), Stream.concat(into.connectionArguments().stream(),
							Stream.of(dump.toString()))).toList(), into, progress);
			RowCounts restored;
			try (Connection connection = into.connect()) {
				restored = TableCounter.count(connection);
			}
			return new Verdict(dump, database, expected, restored, expected.compareWith(restored));
		}
		finally {
			if (dropAfterwards) {
				execute(server, "DROP DATABASE IF EXISTS " + quote(database) + " WITH (FORCE)");
			}
		}
	}

	static Path countsOf(Path dump) throws IOException {
		BackupFile file = BackupFile.parse(dump.getFileName().toString())
			.orElseThrow(() -> new IOException(dump + " is not a ReturnIt backup (returnit-<time>.dump)"));
		Path counts = dump.resolveSibling(file.countsName());
		if (!Files.exists(counts)) {
			throw new IOException("no row counts beside " + dump + " (" + counts.getFileName() + ")");
		}
		return counts;
	}

	private static void execute(DatabaseTarget server, String sql) throws SQLException {
		try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static String quote(String identifier) {
		if (!identifier.matches("[a-z_][a-z0-9_]{0,62}")) {
			throw new IllegalArgumentException("database name must be lower-case letters, digits and _: " + identifier);
		}
		return identifier;
	}
}
