package com.returnit.backups;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.backups.internal.CommandRunner;
import com.returnit.support.EndToEndTest;
import com.returnit.support.TestDirectories;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * The backup command dumps the running service's embedded database (pg_dump custom format) with the row counts of the
 * same snapshot; {@code restore --verify} restores it into a scratch database and compares every table's count.
 * Needs pg_dump 18: {@code bin/pg-tools} provides it (builds it once if missing).
 */
class BackupRestoreTests extends EndToEndTest {

	@Value("${returnit.data-dir}")
	Path dataDir;

	@Test
	void aBackupOfTheRunningServiceRestoresIntoAScratchDatabaseWithEveryTablesRowCount() throws Exception {
		fixtures.order(fixtures.customer(), fixtures.merchant("Backed Up Boutique"));
		Path backups = TestDirectories.create("backups");

		Run backup = command("backup", "--dir", backups.toString());

		assertThat(backup.exit()).as(backup.output()).isZero();
		assertThat(backup.output()).contains("BACKUP OK", "[1/").containsPattern("public\\.orders");
		Path dump;
		try (Stream<Path> files = Files.list(backups)) {
			dump = files.filter(p -> p.toString().endsWith(".dump")).findFirst().orElseThrow();
		}
		try (var in = Files.newInputStream(dump)) {
			assertThat(new String(in.readNBytes(5), StandardCharsets.US_ASCII)).as("pg_dump custom format")
				.isEqualTo("PGDMP");
		}

		Run restore = command("restore", "--dir", backups.toString(), "--verify");

		assertThat(restore.exit()).as(restore.output()).isZero();
		assertThat(restore.output()).contains("RESTORE VERIFIED", dump.getFileName().toString())
			.containsPattern("public\\.orders +[1-9]\\d* +[1-9]\\d*");
	}

	@Test
	void restoringWithoutSayingWhereIsAUsageError() {
		Run restore = command("restore");

		assertThat(restore.exit()).isEqualTo(2);
		assertThat(restore.output()).contains("--verify or --into");
	}

	private record Run(int exit, String output) {
	}

	private Run command(String... args) {
		String[] all = Stream.concat(Stream.of(args), Stream.of("--returnit.data-dir=" + dataDir,
				"--returnit.backup.pg-bin=" + pgBin())).toArray(String[]::new);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int exit = new CommandRunner(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run(all);
		return new Run(exit, bytes.toString(StandardCharsets.UTF_8));
	}

	private static String pgBin() {
		try {
			Process process = new ProcessBuilder("bin/pg-tools").redirectError(ProcessBuilder.Redirect.INHERIT).start();
			String dir = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
			assertThat(process.waitFor()).as("bin/pg-tools").isZero();
			return dir;
		}
		catch (Exception e) {
			throw new IllegalStateException("bin/pg-tools failed", e);
		}
	}
}
