package com.returnit.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.deploy.Commands;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backup CronJob's init container copies pg_dump and pg_restore 18 with the libraries they link (not glibc's,
 * which the ReturnIt image has) into the volume the backup container runs them from. Its script, as rendered, runs
 * here on this machine's pg_dump 18 (bin/pg-tools) instead of postgres:18-bookworm's: the copy runs with only the
 * copied libraries added. The backup container runs bin/backup's command with that directory.
 */
class BackupJobPgToolsTests {

	@Test
	void theInitScriptCopiesPgDumpWithTheLibrariesItLinksAndTheBackupRunsBinBackupsCommandWithIt(@TempDir Path pg)
			throws Exception {
		PodSpec pod = Manifests.render("production").one(CronJob.class).getSpec().getJobTemplate().getSpec()
			.getTemplate().getSpec();
		Container init = pod.getInitContainers().getFirst();
		Container backup = pod.getContainers().getFirst();
		assertThat(init.getImage()).isEqualTo("postgres:18-bookworm");
		assertThat(backup.getArgs()).containsExactly("backup", "--dir", "/backups", "--returnit.backup.pg-bin=/pg/bin");
		assertThat(backup.getEnv()).anySatisfy(env -> {
			assertThat(env.getName()).isEqualTo("LD_LIBRARY_PATH");
			assertThat(env.getValue()).isEqualTo("/pg/lib");
		});

		String pgBin = Commands.succeed(List.of("bin/pg-tools")).strip();
		String script = init.getArgs().getFirst().replace("/usr/lib/postgresql/18/bin", pgBin).replace("/pg/", pg + "/")
			.replace("/pg ", pg + " ");
		Commands.succeed(List.of(init.getCommand().get(0), init.getCommand().get(1), script));

		assertThat(pg.resolve("bin/pg_dump")).isExecutable();
		assertThat(pg.resolve("bin/pg_restore")).isExecutable();
		try (var libraries = Files.list(pg.resolve("lib"))) {
			assertThat(libraries.map(p -> p.getFileName().toString()).toList()).contains("libpq.so.5")
				.noneMatch(name -> name.startsWith("libc.so") || name.startsWith("ld-linux"));
		}
		String version = Commands.succeed(List.of("env", "-i", "LD_LIBRARY_PATH=" + pg.resolve("lib"),
				pg.resolve("bin/pg_dump").toString(), "--version"));
		assertThat(version).contains("(PostgreSQL) 18");
	}
}
