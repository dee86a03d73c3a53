import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SIGTERM drill: {@code --in-flight} clients keep one request each in flight (bookings, order lists, location pings),
 * then the service process gets SIGTERM. Verdict: every request sent before the signal is answered, none with a 5xx,
 * and the process exits within 30 s. Requests sent after the signal may be refused (the load balancer's cue), never
 * answered with a 5xx.
 *
 * Arguments: --base=URL --pid=N --admin-email= --admin-password= [--in-flight=200]
 */
public final class SigtermDrill {

	record Sample(boolean beforeSignal, DrillClient.Answer answer) {
	}

	public static void main(String[] args) throws Exception {
		var options = Options.parse(args);
		DrillClient api = new DrillClient(options.get("base"));
		ProcessHandle service = ProcessHandle.of(Long.parseLong(options.get("pid"))).orElseThrow();
		var world = api.world(options.get("admin-email"), options.get("admin-password"));
		int clients = options.integer("in-flight", 200);

		List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger inFlight = new AtomicInteger();
		AtomicInteger maxBeforeSignal = new AtomicInteger();
		java.util.concurrent.atomic.AtomicLong signalAt = new java.util.concurrent.atomic.AtomicLong(Long.MAX_VALUE);
		try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int c = 0; c < clients; c++) {
				int client = c;
				threads.submit(() -> {
					for (int i = 0;; i++) {
						long start = System.nanoTime();
						inFlight.incrementAndGet();
						var answer = switch ((client + i) % 4) {
							case 0, 1 -> api.post("/v1/orders", world.customerToken(), DrillClient.booking(world.merchantId()));
							case 2 -> api.get("/v1/orders?limit=20", world.customerToken());
							default -> api.post("/v1/drivers/me/locations", world.driverToken(), DrillClient.ping());
						};
						inFlight.decrementAndGet();
						samples.add(new Sample(start < signalAt.get(), answer));
						if (answer.status() < 0 || System.nanoTime() - signalAt.get() > Duration.ofSeconds(40).toNanos()) {
							return;
						}
					}
				});
			}
			while (inFlight.get() < clients * 95 / 100) {
				Thread.sleep(5);
			}
			Thread.sleep(2000);
			maxBeforeSignal.set(inFlight.get());
			signalAt.set(System.nanoTime());
			service.destroy();
			System.out.println("== SIGTERM sent to pid " + service.pid() + " with " + maxBeforeSignal.get()
					+ " requests in flight");
			CompletableFuture<ProcessHandle> exited = service.onExit();
			exited.get(60, TimeUnit.SECONDS);
			double exitSeconds = (System.nanoTime() - signalAt.get()) / 1e9;
			threads.shutdown();
			threads.awaitTermination(1, TimeUnit.MINUTES);
			System.exit(verdict(samples, maxBeforeSignal.get(), clients, exitSeconds) ? 0 : 1);
		}
	}

	private static boolean verdict(List<Sample> samples, int inFlight, int clients, double exitSeconds) {
		List<Sample> before = samples.stream().filter(Sample::beforeSignal).toList();
		List<Sample> after = samples.stream().filter(s -> !s.beforeSignal()).toList();
		long unanswered = before.stream().filter(s -> s.answer().status() < 0).count();
		long before5xx = before.stream().filter(s -> s.answer().status() >= 500).count();
		long after5xx = after.stream().filter(s -> s.answer().status() >= 500).count();
		long refused = after.stream().filter(s -> s.answer().status() < 0).count();
		double slowest = before.stream().mapToDouble(s -> s.answer().millis()).max().orElse(0);
		boolean pass = true;
		pass &= check(inFlight >= clients * 95 / 100, "%d requests in flight at SIGTERM (aim %d)", inFlight, clients);
		pass &= check(unanswered == 0, "%d requests sent before SIGTERM, %d left unanswered", before.size(), unanswered);
		pass &= check(before5xx + after5xx == 0, "no 5xx: %d before, %d after the signal", before5xx, after5xx);
		pass &= check(exitSeconds < 30, "the process exited %.1f s after SIGTERM (aim < 30 s)", exitSeconds);
		System.out.printf("  info  slowest request sent before SIGTERM %.0f ms; after it %d answered, %d refused%n",
				slowest, after.size() - refused, refused);
		for (Sample s : before) {
			if (s.answer().status() < 0 || s.answer().status() >= 500) {
				System.out.println("  e.g. " + s.answer().status() + " " + s.answer().body());
				break;
			}
		}
		System.out.println(pass ? "VERDICT: PASS" : "VERDICT: FAIL");
		return pass;
	}

	private static boolean check(boolean ok, String format, Object... values) {
		System.out.println((ok ? "  ok    " : "  FAIL  ") + String.format(format, values));
		return ok;
	}
}
