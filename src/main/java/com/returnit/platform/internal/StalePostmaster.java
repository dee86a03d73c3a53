package com.returnit.platform.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JVM killed hard leaves its embedded postmaster running and holding the data directory, so the next start would
 * fail. Stop that leftover (only if it is a postgres process) before starting again.
 */
final class StalePostmaster {

	private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);

	private StalePostmaster() {
	}

	static void stopIfRunning(Path dataDir) throws IOException {
		Path pidFile = dataDir.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		List<String> lines = Files.readAllLines(pidFile);
		if (lines.isEmpty()) {
			return;
		}
		long pid;
		try {
			pid = Long.parseLong(lines.getFirst().trim());
		}
		catch (NumberFormatException e) {
			return;
		}
		ProcessHandle.of(pid)
			.filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
			.ifPresent(StalePostmaster::stop);
	}

	private static void stop(ProcessHandle postmaster) {
		log.warn("Stopping a leftover embedded PostgreSQL (pid {}) from an earlier run", postmaster.pid());
		postmaster.destroy();
		try {
			postmaster.onExit().get(30, TimeUnit.SECONDS);
		}
		catch (Exception e) {
			postmaster.destroyForcibly();
		}
	}
}
