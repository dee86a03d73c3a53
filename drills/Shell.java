import java.util.concurrent.TimeUnit;

/** Runs a shell command to completion, its output passed through. */
final class Shell {

	/** Runs a shell command and reads the number it prints. */
	static long output(String command) {
		try {
			Process process = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
			String out = new String(process.getInputStream().readAllBytes()).trim();
			process.waitFor(60, TimeUnit.SECONDS);
			return Long.parseLong(out.isEmpty() ? "0" : out);
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	static void run(String command) {
		run(command, 120);
	}

	static void run(String command, int timeoutSeconds) {
		try {
			Process process = new ProcessBuilder("bash", "-c", command).inheritIO().start();
			if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException("failed: " + command);
			}
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
