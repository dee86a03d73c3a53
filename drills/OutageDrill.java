import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Database outage drill: steady load on the running service, the database stopped for {@code --outage} seconds and
 * started again. Verdict: during the outage every request answers 503 problem+json with Retry-After within
 * {@code --fail-fast-ms}, readiness answers 503, nothing answers another 5xx or hangs; after the database returns,
 * requests succeed again within 5 s without a restart.
 *
 * Arguments: --base=URL --admin-email= --admin-password= --stop="cmd" --start="cmd" [--outage=30] [--clients=16]
 */
public final class OutageDrill {

	record Sample(long at, DrillClient.Answer answer, String kind) {
	}

	public static void main(String[] args) throws Exception {
		var options = Options.parse(args);
		DrillClient api = new DrillClient(options.get("base"));
		var world = api.world(options.get("admin-email"), options.get("admin-password"));
		int clients = options.integer("clients", 16);
		Duration outage = Duration.ofSeconds(options.integer("outage", 30));
		Duration before = Duration.ofSeconds(8);
		Duration after = Duration.ofSeconds(12);
		long failFastMs = options.integer("fail-fast-ms", 3000);

		List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
		List<Sample> readiness = Collections.synchronizedList(new ArrayList<>());
		long t0 = System.nanoTime();
		long end = t0 + before.plus(outage).plus(after).toNanos();
		long[] stopping = new long[1];
		long[] stopped = new long[1];
		long[] back = new long[1];
		try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int c = 0; c < clients; c++) {
				int client = c;
				threads.submit(() -> {
					for (int i = 0; System.nanoTime() < end; i++) {
						var answer = switch ((client + i) % 3) {
							case 0 -> api.post("/v1/orders", world.customerToken(), DrillClient.booking(world.merchantId()));
							case 1 -> api.get("/v1/orders?limit=5", world.customerToken());
							default -> api.post("/v1/drivers/me/locations", world.driverToken(), DrillClient.ping());
						};
						samples.add(new Sample(answer.startNanos() - t0, answer, "api"));
						sleep(20);
					}
				});
			}
			threads.submit(() -> {
				while (System.nanoTime() < end) {
					var answer = api.get("/actuator/health/readiness", null);
					readiness.add(new Sample(answer.startNanos() - t0, answer, "readiness"));
					sleep(250);
				}
			});
			sleepUntil(t0 + before.toNanos());
			stopping[0] = System.nanoTime() - t0;
			System.out.println("== " + seconds(stopping[0]) + " stopping the database");
			Shell.run(options.get("stop"));
			stopped[0] = System.nanoTime() - t0;
			System.out.println("== " + seconds(stopped[0]) + " database stopped; outage for " + outage.toSeconds() + " s");
			sleepUntil(t0 + before.plus(outage).toNanos());
			System.out.println("== " + seconds(System.nanoTime() - t0) + " starting the database");
			Shell.run(options.get("start"));
			back[0] = System.nanoTime() - t0;
			System.out.println("== " + seconds(back[0]) + " database accepting connections again");
			threads.shutdown();
			threads.awaitTermination(2, TimeUnit.MINUTES);
		}
		System.exit(new OutageVerdict(samples, readiness, stopping[0], stopped[0], back[0], failFastMs).print() ? 0 : 1);
	}

	static String seconds(long nanos) {
		return String.format("t=%5.1fs", nanos / 1e9);
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	static void sleepUntil(long nanoTime) {
		long left = nanoTime - System.nanoTime();
		if (left > 0) {
			sleep(left / 1_000_000);
		}
	}
}
