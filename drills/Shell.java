import java.util.concurrent.TimeUnit;

/** Runs a shell command to completion, its output passed through. */
final class Shell {

	static void run(String command) {
		try {
			Process process = new ProcessBuilder("bash", "-c", command).inheritIO().start();
			if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
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
