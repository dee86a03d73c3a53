package com.returnit.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stops and starts the running embedded PostgreSQL of a test's data directory with its own pg_ctl, as an operator
 * would: the service is not told. Starting again reuses the command line of the last start (pg_ctl restart reads
 * postmaster.opts), so the port stays the same.
 */
public final class DatabaseSwitch {

	private final Path pgData;
	private final Path pgCtl;

	private DatabaseSwitch(Path pgData, Path pgCtl) {
		this.pgData = pgData;
		this.pgCtl = pgCtl;
	}

	/** The PostgreSQL whose data lies under {@code <dataDir>/postgres}, found through its postmaster.pid. */
	public static DatabaseSwitch of(Path dataDir) throws IOException {
		Path pgData = dataDir.resolve("postgres");
		long pid = Long.parseLong(Files.readAllLines(pgData.resolve("postmaster.pid")).getFirst().trim());
		String postgres = ProcessHandle.of(pid).flatMap(p -> p.info().command())
			.orElseThrow(() -> new IllegalStateException("no postmaster with pid " + pid));
		return new DatabaseSwitch(pgData, Path.of(postgres).resolveSibling("pg_ctl"));
	}

	/** Fast shutdown: open connections are cut, as when the database host goes away. */
	public void stop() {
		run("stop", "-m", "fast");
	}

	public void start() {
		run("restart", "-m", "fast");
	}

	private void run(String... command) {
		List<String> line = new java.util.ArrayList<>();
		if ("root".equals(System.getProperty("user.name"))) {
			// pg_ctl refuses root; like zonky, run it in a user namespace where it is not
			line.addAll(List.of("unshare", "-U"));
		}
		line.addAll(List.of(pgCtl.toString(), "-D", pgData.toString(), "-w", "-s",
				"-l", pgData.resolveSibling("pg_ctl.log").toString()));
		line.addAll(List.of(command));
		try {
			Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", line) + " failed: "
						+ new String(process.getInputStream().readAllBytes()));
			}
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
