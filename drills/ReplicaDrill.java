import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replica-lost drill: clients read from the running node (their orders, one order, its tracking) while the node's
 * replica serves them; the replica is stopped half-way. Verdict: no read fails, reads were served by the replica
 * before the stop and by the primary after it (returnit_replica_reads_total), the node stays ready and its health
 * names the replica as down.
 *
 * Arguments: --base=URL --admin-email= --admin-password= --scrape-token= --stop-replica="cmd" [--phase=10]
 * [--clients=8]
 */
public final class ReplicaDrill {

	record Sample(long at, DrillClient.Answer answer) {
	}

	/** The node's own numbers, from /actuator/prometheus. */
	record Reads(double replica, double primary, String lag, String serving) {
	}

	public static void main(String[] args) throws Exception {
		var options = Options.parse(args);
		DrillClient api = new DrillClient(options.get("base"));
		String scrapeToken = options.get("scrape-token");
		var world = api.world(options.get("admin-email"), options.get("admin-password"));
		List<String> orders = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			orders.add(api.expect(201, api.post("/v1/orders", world.customerToken(),
					DrillClient.booking(world.merchantId())), "book").text("id"));
		}
		// the customer's own reads stay on the primary until the replica has its bookings (ADR 26, 2 s at most)
		Thread.sleep(3000);
		Duration phase = Duration.ofSeconds(options.integer("phase", 10));
		int clients = options.integer("clients", 8);

		List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
		long t0 = System.nanoTime();
		// the second phase starts once the node has noticed the stop (its length is PHASE from then, however slow
		// the machine)
		var end = new java.util.concurrent.atomic.AtomicLong(Long.MAX_VALUE);
		Reads before;
		Reads noticed;
		try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int c = 0; c < clients; c++) {
				int client = c;
				threads.submit(() -> {
					for (int i = 0; System.nanoTime() < end.get(); i++) {
						String order = orders.get((client + i) % orders.size());
						var answer = switch ((client + i) % 3) {
							case 0 -> api.get("/v1/orders?limit=5", world.customerToken());
							case 1 -> api.get("/v1/orders/" + order, world.customerToken());
							default -> api.get("/v1/orders/" + order + "/tracking", world.customerToken());
						};
						samples.add(new Sample(answer.startNanos() - t0, answer));
						sleep(10);
					}
				});
			}
			Thread.sleep(phase.toMillis());
			before = reads(api, scrapeToken);
			System.out.printf("== Replica serving: %s, lag %s s, reads so far: %.0f by the replica, %.0f by the primary%n",
					before.serving(), before.lag(), before.replica(), before.primary());
			long stopAt = System.nanoTime();
			Shell.run(options.get("stop-replica"));
			System.out.printf("== Replica stopped at %.1f s (pg_ctl stop -m fast took %d ms)%n", (stopAt - t0) / 1e9,
					(System.nanoTime() - stopAt) / 1_000_000);
			Thread.sleep(2000);
			noticed = reads(api, scrapeToken);
			end.set(System.nanoTime() + phase.toNanos());
		}
		Reads after = reads(api, scrapeToken);
		var readiness = api.get("/actuator/health/readiness", null);
		System.out.println("== Readiness " + readiness.status() + ": replica " + detail(readiness.body(), "replica")
				+ ", reads from the " + detail(readiness.body(), "reads"));
		timeline(samples, t0);
		System.exit(verdict(samples, before, noticed, after, readiness) ? 0 : 1);
	}

	private static boolean verdict(List<Sample> samples, Reads before, Reads noticed, Reads after,
			DrillClient.Answer readiness) {
		long errors = samples.stream().filter(s -> s.answer().status() != 200).count();
		double replicaAfter = after.replica() - noticed.replica();
		double primaryAfter = after.primary() - noticed.primary();
		List<String> failures = new ArrayList<>();
		if (errors > 0) {
			failures.add(errors + " reads failed");
		}
		if (before.replica() < 1) {
			failures.add("no read was served by the replica before it stopped");
		}
		if (replicaAfter > 0 || primaryAfter < 1) {
			failures.add("after the stop: " + replicaAfter + " reads by the replica, " + primaryAfter + " by the primary");
		}
		if (readiness.status() != 200 || !"down".equals(detail(readiness.body(), "replica"))) {
			failures.add("readiness " + readiness.status() + " with replica " + detail(readiness.body(), "replica"));
		}
		System.out.printf("%nReads: %d, failed: %d; served by the replica before the stop: %.0f; after it: %.0f by the "
				+ "primary, %.0f by the replica%n", samples.size(), errors, before.replica(), primaryAfter, replicaAfter);
		System.out.println(failures.isEmpty() ? "VERDICT: PASS (replica lost: every read answered, from the primary)"
				: "VERDICT: FAIL: " + String.join("; ", failures));
		return failures.isEmpty();
	}

	private static void timeline(List<Sample> samples, long t0) {
		System.out.println("\n  s   reads  failed  p50 ms  max ms");
		long seconds = samples.stream().mapToLong(s -> s.at() / 1_000_000_000L).max().orElse(0);
		for (long s = 0; s <= seconds; s++) {
			long second = s;
			List<Double> ms = samples.stream().filter(x -> x.at() / 1_000_000_000L == second)
				.map(x -> x.answer().millis()).sorted().toList();
			long failed = samples.stream()
				.filter(x -> x.at() / 1_000_000_000L == second && x.answer().status() != 200).count();
			System.out.printf("%3d  %6d  %6d  %6.1f  %6.1f%n", s, ms.size(), failed,
					ms.isEmpty() ? 0 : ms.get(ms.size() / 2), ms.isEmpty() ? 0 : ms.getLast());
		}
	}

	static Reads reads(DrillClient api, String token) {
		String text = api.get("/actuator/prometheus", token).body();
		return new Reads(value(text, "returnit_replica_reads_total\\{[^}]*served_by=\"replica\"[^}]*\\}"),
				value(text, "returnit_replica_reads_total\\{[^}]*served_by=\"primary\"[^}]*\\}"),
				raw(text, "returnit_replica_lag_seconds\\{[^}]*\\}"), raw(text, "returnit_replica_serving\\{[^}]*\\}"));
	}

	private static double value(String text, String metric) {
		String raw = raw(text, metric);
		return raw.equals("?") ? 0 : Double.parseDouble(raw);
	}

	private static String raw(String text, String metric) {
		Matcher m = Pattern.compile(metric + " (\\S+)").matcher(text);
		return m.find() ? m.group(1) : "?";
	}

	private static String detail(String body, String name) {
		Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(body);
		return m.find() ? m.group(1) : "?";
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
