import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A node killed with {@code kill -9} in the middle of a booking load through the balancer. Clients send each booking
 * with an Idempotency-Key and retry it (same key) on no answer, 5xx or 429. Afterwards the killed node is started again
 * and the drill reads the database: every 201 a client saw is an order there, no booking exists twice, and the
 * merchant's webhook receiver got every event recorded for its orders.
 *
 * Arguments: --base=URL --admin-email= --admin-password= --kill="cmd" --revive="cmd" --jdbc=URL --db-user= --db-password=
 * [--clients=12] [--duration=40] [--retry-for=150] [--kill-at=12] [--pace-ms=350] [--webhook-wait=120]
 */
public final class NodeKillDrill {

	public static void main(String[] args) {
		DrillMain.run(args, NodeKillDrill::run);
	}

	static void run(String[] args) throws Exception {
		var options = Options.parse(args);
		DrillClient api = new DrillClient(options.get("base"));
		int clients = options.integer("clients", 12);
		var world = ClusterWorld.create(api, options, clients);
		var receiver = new Receiver();
		world.subscribe(api, receiver);

		Map<String, String> acknowledged = new ConcurrentHashMap<>(); // key -> order id
		Set<String> abandoned = ConcurrentHashMap.newKeySet();
		Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
		AtomicInteger retried = new AtomicInteger();
		AtomicLong slowest = new AtomicLong();
		AtomicLong longestWait = new AtomicLong();
		long t0 = System.nanoTime();
		long end = t0 + Duration.ofSeconds(options.integer("duration", 40)).toNanos();
		long pace = options.integer("pace-ms", 350);
		// a key in flight on the killed node stays claimed until the service deems it abandoned (2 min): retry longer
		Duration retryFor = Duration.ofSeconds(options.integer("retry-for", 150));
		try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int c = 0; c < clients; c++) {
				String token = world.customerTokens().get(c);
				threads.submit(() -> {
					while (System.nanoTime() < end) {
						String key = UUID.randomUUID().toString();
						String body = DrillClient.booking(world.merchantId(), key);
						boolean done = false;
						long first = System.nanoTime();
						long giveUp = first + retryFor.toNanos();
						for (int attempt = 0; !done && System.nanoTime() < giveUp; attempt++) {
							var answer = api.post("/v1/orders", token, body, key);
							statuses.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
							slowest.accumulateAndGet(answer.nanos() / 1_000_000, Math::max);
							if (answer.status() == 201) {
								acknowledged.put(key, answer.text("id"));
								longestWait.accumulateAndGet((System.nanoTime() - first) / 1_000_000, Math::max);
								done = true;
							}
							else if (answer.status() == -1 || answer.status() >= 500 || answer.status() == 429
									|| answer.status() == 409) {
								retried.incrementAndGet();
								OutageDrill.sleep(Math.min(3000, 250L * (attempt + 1)));
							}
							else {
								System.out.println("   refused: " + answer.status() + " " + answer.body());
								break;
							}
						}
						if (!done) {
							abandoned.add(key);
						}
						OutageDrill.sleep(pace);
					}
				});
			}
			OutageDrill.sleepUntil(t0 + Duration.ofSeconds(options.integer("kill-at", 12)).toNanos());
			System.out.println("== " + OutageDrill.seconds(System.nanoTime() - t0) + " kill -9 of one node, bookings in flight");
			Shell.run(options.get("kill"));
			threads.shutdown();
			threads.awaitTermination(5, TimeUnit.MINUTES);
		}
		System.out.println("== " + OutageDrill.seconds(System.nanoTime() - t0) + " load over: " + acknowledged.size()
				+ " bookings acknowledged; answers by status " + new java.util.TreeMap<>(statuses) + ", " + retried
				+ " retried, slowest answer " + slowest + " ms, longest wait for a 201 (with retries) " + longestWait + " ms");
		System.out.println("== starting the killed node again (it republishes what its listeners had not finished)");
		long reviving = System.nanoTime();
		Shell.run(options.get("revive"), 400);
		System.out.printf("== node back after %.0f s%n", (System.nanoTime() - reviving) / 1e9);

		try (var db = DriverManager.getConnection(options.get("jdbc"), options.get("db-user"), options.get("db-password"))) {
			Map<String, List<String>> byRef = new HashMap<>();
			try (var query = db.prepareStatement("SELECT id, items->0->>'merchantOrderRef' FROM orders WHERE merchant_id = ?::uuid")) {
				query.setString(1, world.merchantId());
				var rows = query.executeQuery();
				while (rows.next()) {
					byRef.computeIfAbsent(rows.getString(2), r -> new java.util.ArrayList<>()).add(rows.getString(1));
				}
			}
			long lost = acknowledged.entrySet().stream()
				.filter(e -> !byRef.getOrDefault(e.getKey(), List.of()).contains(e.getValue())).count();
			long duplicates = byRef.values().stream().filter(ids -> ids.size() > 1).count();
			long unacknowledgedButBooked = byRef.keySet().stream().filter(r -> !acknowledged.containsKey(r)).count();
			Set<String> orderIds = new HashSet<>();
			byRef.values().forEach(orderIds::addAll);

			long deadline = System.nanoTime() + Duration.ofSeconds(options.integer("webhook-wait", 120)).toNanos();
			Set<String> missing = missingEvents(db, world.merchantId(), orderIds, receiver);
			long waitStart = System.nanoTime();
			while (!missing.isEmpty() && System.nanoTime() < deadline) {
				OutageDrill.sleep(1000);
				missing = missingEvents(db, world.merchantId(), orderIds, receiver);
			}
			System.out.printf("== webhooks: %d requests received, %d distinct events; complete %.0f s after the node was back%n",
					receiver.requests.get(), receiver.events.size(), (System.nanoTime() - waitStart) / 1e9);
			boolean pass = true;
			pass &= check(lost == 0, "0 acknowledged bookings lost: %d of %d acknowledged are not in the database", lost, acknowledged.size());
			pass &= check(duplicates == 0, "0 duplicates: %d bookings (Idempotency-Key) became more than one order", duplicates);
			pass &= check(abandoned.isEmpty(), "every booking acknowledged within %d s of retries: %d given up", retryFor.toSeconds(),
					abandoned.size());
			System.out.printf("  info  %d orders were booked whose client gave up before seeing 201%n", unacknowledgedButBooked);
			pass &= check(missing.isEmpty(), "every order event delivered to the merchant's receiver at least once: %d missing %s",
					missing.size(), missing.stream().limit(5).toList());
			System.out.println("VERDICT: " + (pass ? "PASS" : "FAIL") + " (node-kill)");
			receiver.close();
			System.exit(pass ? 0 : 1);
		}
	}

	/** "type orderId" of every order event the merchant should have had: one order.scheduled per order, and every recorded event. */
	static Set<String> missingEvents(java.sql.Connection db, String merchantId, Set<String> orderIds, Receiver receiver)
			throws java.sql.SQLException {
		Set<String> expected = new HashSet<>();
		orderIds.forEach(id -> expected.add("order.scheduled " + id));
		try (var query = db.prepareStatement("SELECT type, order_id FROM webhook_events WHERE merchant_id = ?::uuid")) {
			query.setString(1, merchantId);
			var rows = query.executeQuery();
			while (rows.next()) {
				expected.add(rows.getString(1) + " " + rows.getString(2));
			}
		}
		expected.removeAll(receiver.orderEvents);
		return expected;
	}

	static boolean check(boolean ok, String format, Object... args) {
		System.out.println((ok ? "  ok    " : "  FAIL  ") + String.format(format, args));
		return ok;
	}
}
