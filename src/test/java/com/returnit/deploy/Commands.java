package com.returnit.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a command line tool (kubectl, docker-compose, promtool) and hands back what it printed, or fails saying why. */
public final class Commands {

	public record Result(int exit, String out, String err) {
	}

	private Commands() {
	}

	/** The tool must be installed: ./test.sh installs it (a missing tool fails the test, it does not skip it). */
	public static Result run(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).start();
			process.getOutputStream().close();
			CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
			String out = read(process.getInputStream());
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(String.join(" ", command) + " did not finish in 120 s");
			}
			return new Result(process.exitValue(), out, err.join());
		}
		catch (IOException e) {
			throw new IllegalStateException(command.getFirst() + " is not installed (./test.sh installs it): " + e.getMessage(), e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	public static String succeed(List<String> command) {
		Result result = run(command);
		if (result.exit() != 0) {
			throw new AssertionError(String.join(" ", command) + " failed (exit " + result.exit() + "):\n" + result.err()
					+ result.out());
		}
		return result.out();
	}

	private static String read(java.io.InputStream in) {
		try (in) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
