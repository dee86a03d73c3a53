package com.returnit.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * deploy/prometheus/alerts.yml is valid and its promtool unit tests pass. ./test.sh installs promtool (Debian's
 * prometheus package); without it (a bare ./mvnw run) this test is skipped and says why.
 */
class PrometheusRulesTests {

	@Test
	void alertRulesAreValidAndPassTheirPromtoolTests() throws IOException, InterruptedException {
		assumeTrue(onPath("promtool"), "promtool is not installed (apt-get install prometheus; ./test.sh does it)");
		Process check = new ProcessBuilder("deploy/prometheus/check.sh").redirectErrorStream(true).start();
		String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();

		System.out.println(output);
		assertThat(check.exitValue()).as(output).isZero();
		assertThat(output).contains("SUCCESS");
	}

	private static boolean onPath(String command) {
		return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
			.anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
	}
}
