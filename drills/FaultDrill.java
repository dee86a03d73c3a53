import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * One shared component (Redis, the read replica) stopped in the middle of a load through the balancer and started
 * again. Verdict: no client saw an error (every answer 2xx), and, with {@code --fanout-from/--fanout-to}, a WebSocket
 * subscriber on one node saw a change made through another before, during and after the gap; with
 * {@code --publish-count="cmd"} (prints Redis's PUBLISH count) Redis is used again once it is back. Bookings succeed
 * before, during and after the gap. With {@code --replica-nodes=URL,URL,... --scrape-token=} the reads (lists, single
 * orders, tracking; {@code --readers} more customers only read orders they booked before the start) were served by
 * the replica before the stop, by the primary only during the gap and by the replica again once it is back, summed
 * over the nodes' {@code returnit_replica_reads_total} ({@link ReplicaReads}).
 *
 * Arguments: --name= --base=URL --admin-email= --admin-password= --stop="cmd" --start="cmd" [--clients=8]
 * [--readers=0] [--stop-at=8] [--gap=15] [--after=15] [--pace-ms=400] [--fanout-from=URL --fanout-to=URL]
 * [--publish-count="cmd"] [--replica-nodes=URL,... --scrape-token=]
 */
public final class FaultDrill {

	record Probe(String phase, long millis) {
	}

	public static void main(String[] args) {
		DrillMain.run(args, FaultDrill::run);
	}

	static void run(String[] args) throws Exception {
		var options = Options.parse(args);
		DrillClient api = new DrillClient(options.get("base"));
		int clients = options.integer("clients", 8);
		int readers = options.integer("readers", 0);
		var world = ClusterWorld.create(api, options, clients + 1 + readers);
		String prober = world.customerTokens().get(clients);
		List<List<String>> readerOrders = bookForReaders(api, world, clients + 1, readers);
		ReplicaReads replica = options.has("replica-nodes")
				? new ReplicaReads(options.get("replica-nodes"), options.get("scrape-token")) : null;
		Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
		Map<String, AtomicInteger> byPhase = new ConcurrentHashMap<>();
		List<String> errors = Collections.synchronizedList(new ArrayList<>());
		List<Probe> probes = new ArrayList<>();
		List<ReplicaReads.Snapshot> marks = new ArrayList<>();
		long t0 = System.nanoTime();
		long stopAt = t0 + Duration.ofSeconds(options.integer("stop-at", 8)).toNanos();
		long startAt = stopAt + Duration.ofSeconds(options.integer("gap", 15)).toNanos();
		long end = startAt + Duration.ofSeconds(options.integer("after", 15)).toNanos();
		boolean fanout = options.has("fanout-from");
		long published = -1;
		long publishedAfter = -1;
		BiConsumer<DrillClient.Answer, Boolean> record = (answer, booking) -> {
			String kind = answer.status() / 100 == 2 ? "2xx" : String.valueOf(answer.status());
			answers.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
			if (answer.status() / 100 != 2) {
				errors.add(OutageDrill.seconds(answer.startNanos() - t0) + " " + answer.status() + " "
						+ answer.body().substring(0, Math.min(160, answer.body().length())));
			}
			else {
				String phase = answer.startNanos() < stopAt ? PHASES.get(0) : answer.startNanos() < startAt ? PHASES.get(1) : PHASES.get(2);
				byPhase.computeIfAbsent(phase + (booking ? " booked" : " read"), k -> new AtomicInteger()).incrementAndGet();
			}
		};
		mark(replica, marks);
		try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int c = 0; c < clients; c++) {
				String token = world.customerTokens().get(c);
				int client = c;
				threads.submit(() -> {
					String last = null;
					for (int i = 0; System.nanoTime() < end; i++) {
						var answer = switch ((client + i) % 3) {
							case 0 -> api.post("/v1/orders", token, DrillClient.booking(world.merchantId()), UUID.randomUUID().toString());
							case 1 -> api.get("/v1/orders?limit=10", token);
							default -> last == null ? api.get("/v1/orders?status=scheduled&limit=5", token)
									: api.get("/v1/orders/" + last + (i % 2 == 0 ? "" : "/tracking"), token);
						};
						if (answer.status() == 201) {
							last = answer.text("id");
						}
						record.accept(answer, (client + i) % 3 == 0);
						OutageDrill.sleep(options.integer("pace-ms", 400));
					}
				});
			}
			for (int r = 0; r < readers; r++) {
				String token = world.customerTokens().get(clients + 1 + r);
				List<String> orders = readerOrders.get(r);
				threads.submit(() -> {
					for (int i = 0; System.nanoTime() < end; i++) {
						String order = orders.get(i % orders.size());
						record.accept(switch (i % 3) {
							case 0 -> api.get("/v1/orders?limit=10", token);
							case 1 -> api.get("/v1/orders/" + order, token);
							default -> api.get("/v1/orders/" + order + "/tracking", token);
						}, false);
						OutageDrill.sleep(options.integer("pace-ms", 400));
					}
				});
			}
			OutageDrill.sleep(3000);
			if (fanout) {
				probes.add(probe(options, api, world, prober, "before the gap"));
			}
			OutageDrill.sleepUntil(stopAt);
			mark(replica, marks);
			System.out.println("== " + OutageDrill.seconds(System.nanoTime() - t0) + " stopping " + options.get("name"));
			Shell.run(options.get("stop"));
			OutageDrill.sleep(2000);
			mark(replica, marks);
			if (fanout) {
				probes.add(probe(options, api, world, prober, "during the gap, at once"));
				OutageDrill.sleep(6000);
				probes.add(probe(options, api, world, prober, "during the gap, 8 s in"));
			}
			OutageDrill.sleepUntil(startAt);
			mark(replica, marks);
			System.out.println("== " + OutageDrill.seconds(System.nanoTime() - t0) + " starting " + options.get("name"));
			Shell.run(options.get("start"));
			OutageDrill.sleep(7000); // the nodes skip a failed Redis for 5 s, then use it again
			if (options.has("publish-count")) {
				published = Shell.output(options.get("publish-count"));
			}
			if (fanout) {
				probes.add(probe(options, api, world, prober, "after it is back"));
			}
			if (options.has("publish-count")) {
				publishedAfter = Shell.output(options.get("publish-count"));
			}
			threads.shutdown();
			threads.awaitTermination(2, TimeUnit.MINUTES);
		}
		mark(replica, marks);
		int total = answers.values().stream().mapToInt(AtomicInteger::get).sum();
		System.out.println("== " + total + " requests through the balancer, by answer " + new TreeMap<>(answers));
		errors.stream().limit(10).forEach(e -> System.out.println("   " + e));
		boolean pass = NodeKillDrill.check(errors.isEmpty(), "no errors to clients: %d of %d requests answered other than 2xx",
				errors.size(), total);
		for (String phase : PHASES) {
			int booked = count(byPhase, phase + " booked");
			pass &= NodeKillDrill.check(booked > 0, "bookings %s: %d answered 201 (and %d reads 2xx)", phase, booked,
					count(byPhase, phase + " read"));
		}
		if (replica != null) {
			pass &= ReplicaReads.check(PHASES.get(0), marks.get(1).minus(marks.get(0)), true);
			pass &= ReplicaReads.check(PHASES.get(1) + " (from 2 s after the stop)", marks.get(3).minus(marks.get(2)), false);
			pass &= ReplicaReads.check(PHASES.get(2), marks.get(4).minus(marks.get(3)), true);
		}
		for (Probe probe : probes) {
			pass &= NodeKillDrill.check(probe.millis() >= 0, "fan-out %s: a subscriber on %s saw a change made on %s%s",
					probe.phase(), options.get("fanout-to"), options.get("fanout-from"),
					probe.millis() >= 0 ? " after " + probe.millis() + " ms" : " NOT within 20 s");
		}
		if (published >= 0) {
			pass &= NodeKillDrill.check(publishedAfter > published, "%s used again once back: PUBLISH calls %d -> %d",
					options.get("name"), published, publishedAfter);
		}
		System.out.println("VERDICT: " + (pass ? "PASS" : "FAIL") + " (" + options.get("name") + ")");
		System.exit(pass ? 0 : 1);
	}

	private static final List<String> PHASES = List.of("before the stop", "during the gap", "after it is back");

	private static int count(Map<String, AtomicInteger> counts, String key) {
		AtomicInteger count = counts.get(key);
		return count == null ? 0 : count.get();
	}

	private static void mark(ReplicaReads replica, List<ReplicaReads.Snapshot> marks) {
		if (replica != null) {
			marks.add(replica.snapshot());
		}
	}

	/**
	 * Two bookings for each reader, made before the load starts; then a pause, so that the replica has them and their
	 * reads are no longer held on the primary by read-your-writes (ADR 0026; the nodes measure the replica each second).
	 */
	private static List<List<String>> bookForReaders(DrillClient api, ClusterWorld world, int first, int readers) {
		List<List<String>> orders = new ArrayList<>();
		for (int r = 0; r < readers; r++) {
			String token = world.customerTokens().get(first + r);
			List<String> mine = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				mine.add(api.expect(201, api.post("/v1/orders", token, DrillClient.booking(world.merchantId()),
						UUID.randomUUID().toString()), "book for a reader").text("id"));
			}
			orders.add(mine);
		}
		if (readers > 0) {
			OutageDrill.sleep(3000);
		}
		return orders;
	}

	/** Books through one node, subscribes on another, cancels through the first: ms until the subscriber hears it. */
	static Probe probe(Options options, DrillClient api, ClusterWorld world, String token, String phase) throws Exception {
		DrillClient from = new DrillClient(options.get("fanout-from"));
		String orderId = from.expect(201, from.post("/v1/orders", token, DrillClient.booking(world.merchantId()),
				UUID.randomUUID().toString()), "book for the fan-out probe").text("id");
		try (var stream = new Stream(options.get("fanout-to"), token)) {
			stream.subscribe(orderId);
			if (!stream.await("\"type\"\\s*:\\s*\"subscribed\"", Duration.ofSeconds(10))) {
				return new Probe(phase, -1);
			}
			long start = System.nanoTime();
			from.expect(200, from.post("/v1/orders/" + orderId + "/cancel", token, "{\"reason\":\"fan-out probe\"}"), "cancel");
			boolean seen = stream.await("\"status\"\\s*:\\s*\"cancelled\"", Duration.ofSeconds(20));
			return new Probe(phase, seen ? (System.nanoTime() - start) / 1_000_000 : -1);
		}
	}
}
