import java.util.function.LongSupplier;

/** Prints how far a phase has got every few seconds, so a long run shows it is alive. */
final class Progress {

	private final Thread thread;

	private Progress(Thread thread) {
		this.thread = thread;
	}

	static Progress every(int seconds, String phase, LongSupplier errors, LongSupplier done) {
		long start = System.nanoTime();
		Thread thread = Thread.ofPlatform().daemon().start(() -> {
			long last = done.getAsLong();
			try {
				while (true) {
					Thread.sleep(seconds * 1000L);
					long now = done.getAsLong();
					System.out.printf("  [%s] t=%3.0fs  %,d sent (%,.0f/s lately)  errors %d%n", phase,
							(System.nanoTime() - start) / 1e9, now, (now - last) / (double) seconds,
							errors.getAsLong());
					last = now;
				}
			}
			catch (InterruptedException e) {
				// the phase is over
			}
		});
		return new Progress(thread);
	}

	void stop() {
		thread.interrupt();
	}
}
