package com.returnit.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of browser-tests/*.test.mjs with node in headless Chromium, its output copied line by line into the
 * test's output (through System.out, which Surefire captures). Fails when node's packages or the browser are missing:
 * ./test.sh installs them.
 */
public final class BrowserRun {

	public static final Path BROWSER_TESTS = Path.of("browser-tests");
	public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

	private BrowserRun() {
	}

	/** The exit code of {@code node --test script}; the environment also names the browser. */
	public static int run(String script, Map<String, String> env) throws IOException, InterruptedException {
		return run(java.time.Duration.ofSeconds(120), env, script);
	}

	/** The exit code of {@code node --test} over these scripts, one at a time (one browser each), within {@code limit}. */
	public static int run(java.time.Duration limit, Map<String, String> env, String... scripts)
			throws IOException, InterruptedException {
		assertThat(CHROMIUM).as("Chromium, installed by ./test.sh").isExecutable();
		assertThat(BROWSER_TESTS.resolve("node_modules/playwright-core"))
			.as("npm ci --prefix browser-tests, run by ./test.sh").isDirectory();
		var arguments = new java.util.ArrayList<>(java.util.List.of("node", "--test", "--test-concurrency=1",
				"--test-reporter=spec"));
		arguments.addAll(java.util.List.of(scripts));
		var command = new ProcessBuilder(arguments).directory(BROWSER_TESTS.toFile()).redirectErrorStream(true);
		command.environment().putAll(env);
		command.environment().put("CHROMIUM", CHROMIUM.toString());
		Process node = command.start();
		Thread copier = Thread.ofVirtual().start(() -> {
			try (var lines = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
				lines.lines().forEach(line -> System.out.println("[browser] " + line));
			}
			catch (IOException e) {
				System.out.println("[browser] output lost: " + e);
			}
		});
		if (!node.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
			node.descendants().forEach(ProcessHandle::destroyForcibly);
			node.destroyForcibly();
			throw new AssertionError("the browser tests did not finish within " + limit.toSeconds() + " s");
		}
		copier.join();
		return node.exitValue();
	}
}
