package com.returnit.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * A real PostgreSQL streaming replica (hot standby) of an embedded primary, made as pg_basebackup would make it but
 * with the embedded binaries only: a replication slot, a copy of the data directory between pg_backup_start and
 * pg_backup_stop, its backup_label, standby.signal and primary_conninfo. Its replay can be paused, so that it is
 * behind the primary for as long as a test needs.
 */
public final class StreamingReplica {

	private static final Set<String> NOT_COPIED = Set.of("postmaster.pid", "postmaster.opts", "epg-lock");

	private final EmbeddedPostgres primary;
	private final EmbeddedPostgres standby;

	private StreamingReplica(EmbeddedPostgres primary, EmbeddedPostgres standby) {
		this.primary = primary;
		this.standby = standby;
	}

	/** A fresh primary and its replica, streaming. */
	public static StreamingReplica start() {
		try {
			EmbeddedPostgres primary = EmbeddedPostgres.builder().start();
			Path copy = TestDirectories.create("standby");
			try (Connection connection = primary.getPostgresDatabase().getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("SELECT pg_create_physical_replication_slot('returnit_standby', true)");
				Path data = Path.of(single(statement, "SHOW data_directory"));
				statement.execute("SELECT pg_backup_start('returnit-standby', true)");
				copyTree(data, copy);
				Files.writeString(copy.resolve("backup_label"),
						single(statement, "SELECT labelfile FROM pg_backup_stop(false)"));
			}
			Files.writeString(copy.resolve("standby.signal"), "");
			Files.writeString(copy.resolve("postgresql.auto.conf"), """
					primary_conninfo = 'host=localhost port=%d user=postgres application_name=returnit_standby'
					primary_slot_name = 'returnit_standby'
					hot_standby = on
					""".formatted(primary.getPort()));
			EmbeddedPostgres standby = EmbeddedPostgres.builder().setDataDirectory(copy).setCleanDataDirectory(false)
				.setRegisterShutdownHook(false).setPGStartupWait(Duration.ofSeconds(30)).start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAndDelete(standby, copy)));
			return new StreamingReplica(primary, standby);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	public EmbeddedPostgres primary() {
		return primary;
	}

	/** The standby's url, without a user (the replica's username property names it). */
	public String replicaUrl() {
		return "jdbc:postgresql://localhost:" + standby.getPort() + "/postgres";
	}

	public String primaryUrl() {
		return "jdbc:postgresql://localhost:" + primary.getPort() + "/postgres";
	}

	/** Stops applying what the primary streams: from now on the replica is behind every new write. */
	public void pauseReplay() {
		onStandby("SELECT pg_wal_replay_pause()");
	}

	public void resumeReplay() {
		onStandby("SELECT pg_wal_replay_resume()");
	}

	/** Waits until the replica has replayed everything the primary has written so far. */
	public void awaitCaughtUp() {
		String written = single(primary, "SELECT pg_current_wal_insert_lsn()::text");
		Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
			.until(() -> "t".equals(single(standby, "SELECT pg_last_wal_replay_lsn() >= '" + written + "'::pg_lsn")));
	}

	private void onStandby(String sql) {
		single(standby, sql);
	}

	private static String single(EmbeddedPostgres postgres, String sql) {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			return single(statement, sql);
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String single(Statement statement, String sql) throws SQLException {
		try (ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getString(1);
		}
	}

	/** The copy is not the embedded server's own directory, so it is not removed with it. */
	private static void stopAndDelete(EmbeddedPostgres standby, Path copy) {
		try {
			standby.close();
			try (Stream<Path> walk = Files.walk(copy)) {
				walk.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
			}
		}
		catch (IOException e) {
			// a temporary directory: left behind at worst
		}
	}

	/** Copies a data directory that is in use: files that vanish meanwhile are skipped (the WAL replay fixes them). */
	private static void copyTree(Path from, Path to) throws IOException {
		List<Path> paths;
		try (Stream<Path> walk = Files.walk(from)) {
			paths = walk.toList();
		}
		for (Path path : paths) {
			Path relative = from.relativize(path);
			boolean slotState = relative.startsWith("pg_replslot") && relative.getNameCount() > 1;
			if (NOT_COPIED.contains(relative.toString()) || slotState) {
				continue;
			}
			Path target = to.resolve(relative.toString());
			try {
				if (Files.isDirectory(path)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
				}
			}
			catch (NoSuchFileException vanished) {
				// a temporary file removed while copying
			}
		}
	}
}
