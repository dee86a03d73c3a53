import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** POST /v1/orders: closed-loop at fixed concurrency (throughput), and open-model at a fixed arrival rate (latency). */
final class HttpLoad {

	private final Api api;
	private final Api.Setup setup;
	private final CpuMeter cpu;
	private final AtomicLong sequence = new AtomicLong();

	HttpLoad(Api api, Api.Setup setup, CpuMeter cpu) {
		this.api = api;
		this.setup = setup;
		this.cpu = cpu;
	}

	/** Bookings sent so far, over all phases. */
	long sent() {
		return sequence.get();
	}

	/**
	 * {@code clients} virtual threads, each booking back to back with its own customer; bookings started during the
	 * warm-up are sent but their latencies are not recorded (their errors are).
	 */
	Latencies.Summary saturate(int clients, double warmupSeconds, double seconds) throws InterruptedException {
		Latencies warmup = new Latencies();
		Latencies measured = new Latencies();
		long start = System.nanoTime();
		long measureFrom = start + nanos(warmupSeconds);
		long end = measureFrom + nanos(seconds);
		CpuMeter.Window window = cpu.window(measureFrom, end);
		Progress progress = Progress.every(5, "http", measured::errorCount, sequence::get);
		try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int c = 0; c < clients; c++) {
				int client = c;
				threads.submit(() -> {
					Latencies.Buffer w = warmup.buffer();
					Latencies.Buffer m = measured.buffer();
					long now;
					while ((now = System.nanoTime()) < end) {
						book(client, now < measureFrom ? w : m, m, now);
					}
					w.close();
					m.close();
				});
			}
		}
		progress.stop();
		return measured.summarize("HTTP POST /v1/orders", seconds, window);
	}

	/**
	 * Open model: one booking every 1/rate seconds whatever the answers do, each on its own virtual thread;
	 * latency counts from the scheduled send time, so a stalled server cannot hide its queueing delay.
	 */
	Latencies.Summary fixedRate(double perSecond, double seconds) throws InterruptedException {
		Latencies measured = new Latencies();
		long total = Math.round(perSecond * seconds);
		long interval = Math.round(1e9 / perSecond);
		Semaphore inFlight = new Semaphore(2_000);
		List<Latencies.Buffer> buffers = new ArrayList<>();
		long start = System.nanoTime();
		CpuMeter.Window window = cpu.window(start, start + nanos(seconds));
		Progress progress = Progress.every(5, "half", measured::errorCount, sequence::get);
		try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (long i = 0; i < total; i++) {
				long due = start + i * interval;
				long wait = due - System.nanoTime();
				if (wait > 0) {
					TimeUnit.NANOSECONDS.sleep(wait);
				}
				if (!inFlight.tryAcquire(5, TimeUnit.SECONDS)) {
					throw new IllegalStateException("more than 2000 bookings in flight: the service has stalled");
				}
				int client = (int) (i % setup.customerTokens().size());
				Latencies.Buffer buffer = measured.single();
				buffers.add(buffer);
				threads.submit(() -> {
					try {
						book(client, buffer, buffer, due);
					}
					finally {
						inFlight.release();
					}
				});
			}
		}
		progress.stop();
		buffers.forEach(Latencies.Buffer::close);
		return measured.summarize("HTTP at half rate", (System.nanoTime() - start) / 1e9, window);
	}

	/** Records the latency of a 201 in {@code into}; any other answer counts as an error in {@code errors}. */
	private void book(int client, Latencies.Buffer into, Latencies.Buffer errors, long sentAt) {
		int slot = client % setup.customerTokens().size();
		sequence.incrementAndGet();
		Api.Response response = api.post("/v1/orders", setup.customerTokens().get(slot),
				Api.booking(setup.merchantId()), "bench-" + UUID.randomUUID());
		long took = System.nanoTime() - sentAt;
		if (response.status() == 201) {
			into.success(took);
		}
		else {
			errors.failure("HTTP " + response.status(), response.body());
		}
	}

	static long nanos(double seconds) {
		return Math.round(seconds * 1e9);
	}
}
