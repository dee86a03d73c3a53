package com.returnit.backups.internal;

import com.returnit.backups.internal.domain.BackupFile;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Runs one {@code backup} or {@code restore} command against the configured database and prints progress and a
 * verdict. With no {@code spring.datasource.url} that is the embedded database of {@code returnit.data-dir}: the one
 * the running service started, or, if the service is stopped, one started here for the command.
 */
public final class CommandRunner {

	private final PrintStream out;

	public CommandRunner(PrintStream out) {
		this.out = out;
	}

	public static boolean isCommand(String[] args) {
		return CommandLine.isCommand(args);
	}

	/** The exit code: 0 done (and verified), 1 failed or not verified, 2 wrong usage. */
	public int run(String[] args) {
		CommandLine line;
		try {
			line = CommandLine.parse(args);
		}
		catch (IllegalArgumentException e) {
			out.println("usage: backup [--dir D] | restore [--dir D] [--file F] (--verify | --into NAME): "
					+ e.getMessage());
			return 2;
		}
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CommandContext.class)
			.web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
			.run(line.springArguments().toArray(String[]::new));
				Database database = Database.of(context.getEnvironment())) {
			BackupProperties properties = context.getBean(BackupProperties.class);
			PgTools tools;
			try (Connection connection = database.target().connect()) {
				tools = PgTools.find(properties.pgBin(), TableCounter.serverMajor(connection));
			}
			out.println("Using " + tools.describe());
			return line.command().equals("backup") ? backup(properties, database.target(), tools)
					: restore(line, properties, database.target(), tools);
		}
		catch (Exception e) {
			out.println("FAILED: " + e.getMessage());
			return 1;
		}
	}

	private int backup(BackupProperties properties, DatabaseTarget target, PgTools tools) throws Exception {
		var taken = new Backups(properties.dir(), properties.retention(), Clock.systemUTC(), out::println)
			.take(target, tools);
		out.println("BACKUP OK: " + taken.dump() + ", " + taken.counts().tables().size() + " tables, "
				+ taken.counts().total() + " rows, " + taken.bytes() + " bytes; pruned " + taken.pruned().size());
		return 0;
	}

	private int restore(CommandLine line, BackupProperties properties, DatabaseTarget target, PgTools tools)
			throws Exception {
		Path dump = line.file() != null ? line.file() : newest(properties);
		String database = line.verify() ? "returnit_verify_" + DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
			.withZone(ZoneOffset.UTC).format(Instant.now()) : line.into();
		var verdict = new Restorer(out::println).restore(dump, target, database, line.verify(), tools);
		out.printf("%-50s %12s %12s%n", "table", "in backup", "restored");
		verdict.expected().tables().forEach((table, rows) -> out.printf("%-50s %12d %12d%n", table, rows,
				verdict.restored().tables().getOrDefault(table, -1L)));
		if (!verdict.verified()) {
			verdict.differences().forEach(d -> out.println("  MISMATCH " + d));
			out.println("RESTORE NOT VERIFIED: " + verdict.differences().size() + " tables differ (" + dump + ")");
			return 1;
		}
		out.println((line.verify() ? "RESTORE VERIFIED: " : "RESTORED into " + database + ": ") + dump + ", "
				+ verdict.expected().tables().size() + " tables, " + verdict.expected().total()
				+ " rows match the counts taken with the backup");
		return 0;
	}

	private static Path newest(BackupProperties properties) throws IOException {
		Map<Instant, BackupFile> backups = new Backups(properties.dir(), properties.retention(), Clock.systemUTC(),
				s -> { }).list();
		if (backups.isEmpty()) {
			throw new IOException("no backups in " + properties.dir().toAbsolutePath());
		}
		return properties.dir().resolve(backups.values().stream().reduce((a, b) -> b).orElseThrow().dumpName());
	}

	/** The database to work on, and the embedded PostgreSQL started for the command, if one was. */
	private record Database(DatabaseTarget target, @Nullable EmbeddedPostgres startedHere) implements AutoCloseable {

		static Database of(Environment environment) throws IOException {
			String url = environment.getProperty("spring.datasource.url");
			if (url != null && !url.isBlank()) {
				return new Database(DatabaseTarget.fromJdbcUrl(url,
						environment.getProperty("spring.datasource.username", "postgres"),
						environment.getProperty("spring.datasource.password", "")), null);
			}
			Path dataDir = Path.of(environment.getProperty("returnit.data-dir", "./data")).toAbsolutePath();
			if (running(dataDir.resolve("postgres"))) {
				return new Database(DatabaseTarget.embedded(dataDir), null);
			}
			if (!Files.exists(dataDir.resolve("postgres").resolve("PG_VERSION"))) {
				throw new IOException("no database: neither spring.datasource.url nor an embedded database in " + dataDir);
			}
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres"))
				.setCleanDataDirectory(false).start();
			return new Database(DatabaseTarget.embedded(dataDir), postgres);
		}

		private static boolean running(Path pgData) throws IOException {
			Path pid = pgData.resolve("postmaster.pid");
			return Files.exists(pid) && ProcessHandle.of(Long.parseLong(Files.readAllLines(pid).getFirst().trim()))
				.map(ProcessHandle::isAlive).orElse(false);
		}

		@Override
		public void close() throws IOException {
			if (startedHere != null) {
				startedHere.close();
			}
		}
	}
}
