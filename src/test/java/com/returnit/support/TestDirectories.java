package com.returnit.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Scratch directories for the suite's databases and files, each marked with the test JVM that made it. The first one a
 * JVM makes removes those of JVMs that have ended, unless a PostgreSQL still runs in them, so repeated runs on one
 * machine keep about one run's worth (each run stores about 2 GB of embedded databases).
 */
public final class TestDirectories {

	private static final String PREFIX = "returnit-";
	private static final String OWNER = ".owner-pid";

	static {
		removeThoseOfEndedRuns();
	}

	private TestDirectories() {
	}

	/** A new directory under the system's temp directory, named {@code returnit-<what>-...}. */
	public static Path create(String what) {
		try {
			Path dir = Files.createTempDirectory(PREFIX + what + "-");
			Files.writeString(dir.resolve(OWNER), Long.toString(ProcessHandle.current().pid()));
			return dir;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void removeThoseOfEndedRuns() {
		Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
		try (Stream<Path> dirs = Files.list(tmp)) {
			dirs.filter(dir -> dir.getFileName().toString().startsWith(PREFIX))
				.filter(dir -> Files.isRegularFile(dir.resolve(OWNER)))
				.filter(dir -> !alive(pidIn(dir.resolve(OWNER))))
				.filter(dir -> !postgresRunsIn(dir))
				.forEach(TestDirectories::delete);
		}
		catch (IOException | UncheckedIOException e) {
			// a directory we cannot read or remove is left for the next run: never a reason to fail the suite
		}
	}

	private static boolean postgresRunsIn(Path dir) {
		try (Stream<Path> files = Files.walk(dir, 3)) {
			return files.filter(file -> file.getFileName().toString().equals("postmaster.pid"))
				.anyMatch(pidFile -> alive(pidIn(pidFile)));
		}
		catch (IOException | UncheckedIOException e) {
			return true;
		}
	}

	private static Optional<Long> pidIn(Path file) {
		try (Stream<String> lines = Files.lines(file)) {
			return lines.findFirst().map(String::strip).filter(line -> line.matches("\\d+")).map(Long::parseLong);
		}
		catch (IOException | UncheckedIOException e) {
			return Optional.empty();
		}
	}

	/** An unreadable owner counts as alive: only what is known to be left over is removed. */
	private static boolean alive(Optional<Long> pid) {
		return pid.map(id -> ProcessHandle.of(id).map(ProcessHandle::isAlive).orElse(false)).orElse(true);
	}

	private static void delete(Path dir) {
		try (Stream<Path> files = Files.walk(dir)) {
			files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
		}
		catch (IOException | UncheckedIOException e) {
			// left for the next run
		}
	}
}
