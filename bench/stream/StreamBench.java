import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import returnit.bench.Totp;

/**
 * Live stream benchmark (run by bench/stream/run.sh). Sets up, through the API, drivers on shift each with one
 * assigned order, connects WebSocket subscribers to /v1/stream (operator token) spread over those orders, then sends
 * pings at a fixed rate and measures delivery latency = receive time - the ping's recordedAt ({@code data.at}) for
 * every driver.position message. Also reads the service's heap (jcmd) before and after connecting the subscribers.
 *
 * Arguments: baseUrl drivers subscribers pingRate(req/s) seconds warmupSeconds adminEmail adminPassword servicePid
 * jcmdPath resultFile
 */
public class StreamBench {

	record Driver(String id, String token, double lat, double lng) {
	}

	static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5)).build();
	static String base;

	static final AtomicBoolean measuring = new AtomicBoolean();
	static final ConcurrentLinkedQueue<Long> latenciesUs = new ConcurrentLinkedQueue<>();
	static final AtomicLong positions = new AtomicLong();
	static final AtomicLong statuses = new AtomicLong();
	static final AtomicLong errorsReceived = new AtomicLong();
	static final AtomicLong closedDuringRun = new AtomicLong();
	/** driver.position messages whose {@code at} is not after the previous one this subscriber received. */
	static final AtomicLong repeated = new AtomicLong();
	static final Pattern AT = Pattern.compile("\"at\"\\s*:\\s*\"([^\"]+)\"");

	public static void main(String[] args) throws Exception {
		base = args[0];
		int driverCount = Integer.parseInt(args[1]);
		int subscriberCount = Integer.parseInt(args[2]);
		int rate = Integer.parseInt(args[3]);
		int seconds = Integer.parseInt(args[4]);
		int warmup = Integer.parseInt(args[5]);
		String operator = login(args[6], args[7]);
		long pid = Long.parseLong(args[8]);
		String jcmd = args[9];

		log("setup: service area, merchant");
		post("/v1/service-areas", operator, """
				{"name":"Berlin","polygon":[[52.60,13.10],[52.60,13.70],[52.38,13.70],[52.38,13.10]]}""", 201);
		String merchant = field(post("/v1/merchants", operator, """
				{"name":"Stream Bench Merchant","returnPolicy":{"windowDays":30,"excludedCategories":["underwear"],
				 "maxItems":5,"maxItemValueCents":100000,"rules":[]},
				 "hubs":[{"name":"Mitte hub","address":"Invalidenstr 1, Berlin","lat":52.5321,"lng":13.3849}]}""",
				201), "id");

		log("setup: %d drivers on shift, each with one order booked at its position", driverCount);
		List<Driver> drivers = new ArrayList<>();
		for (int i = 0; i < driverCount; i++) {
			// a grid over Berlin, ~1.5 km apart, so each order's nearest driver is the one standing at its pickup
			double lat = 52.42 + (i / 10) * 0.015;
			double lng = 13.20 + (i % 10) * 0.03;
			String email = "stream-driver-" + UUID.randomUUID() + "@bench.returnit.local";
			String created = post("/v1/drivers", operator, """
					{"email":"%s","password":"bench-password-12","name":"Bench Driver",
					 "vehicle":{"type":"van","capacityParcels":40}}""".formatted(email), 201);
			String token = login(email, "bench-password-12");
			post("/v1/drivers/me/shift/start", token, "{}", 200);
			Driver d = new Driver(field(created, "id"), token, lat, lng);
			ping(d, 0);
			drivers.add(d);
		}
		List<String> orders = new ArrayList<>();
		Instant start = Instant.now().plus(15, ChronoUnit.MINUTES);
		for (Driver d : drivers) {
			String email = "stream-customer-" + UUID.randomUUID() + "@bench.returnit.local";
			post("/v1/customers", null, """
					{"email":"%s","password":"customer-password-1","name":"Casey Customer"}""".formatted(email), 201);
			String customer = login(email, "customer-password-1");
			String order = post("/v1/orders", customer, """
					{"merchantId":"%s","pickup":{"address":"Torstrasse 1, 10119 Berlin","lat":%s,"lng":%s},
					 "window":{"start":"%s","end":"%s"},
					 "items":[{"sku":"SKU-JACKET","description":"A jacket","category":"outerwear",
					  "purchasedAt":"%s","valueCents":12900,"merchantOrderRef":"MO-1","tagsAttached":true}]}"""
				.formatted(merchant, d.lat(), d.lng(), start, start.plus(2, ChronoUnit.HOURS),
						Instant.now().minus(7, ChronoUnit.DAYS)), 201);
			orders.add(field(order, "id"));
		}
		log("setup: accepting offers");
		int accepted = 0;
		long acceptDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
		while (accepted < orders.size() && System.nanoTime() < acceptDeadline) {
			for (Driver d : drivers) {
				String offers = get("/v1/drivers/me/offers", d.token());
				Matcher m = Pattern.compile("\\{\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(offers);
				while (m.find()) {
					HttpResponse<String> r = send("POST", "/v1/offers/" + m.group(1) + "/accept", d.token(), "{}");
					if (r.statusCode() == 200) {
						accepted++;
					}
				}
			}
			if (accepted < orders.size()) {
				Thread.sleep(500);
			}
		}
		log("setup: %d/%d orders assigned", accepted, orders.size());

		int backgroundDrivers = Integer.getInteger("background.drivers", 0);
		int backgroundRate = Integer.getInteger("background.rate", 0);
		Path backgroundTokens = Path.of(args[10]).resolveSibling("background-tokens.txt");
		if (backgroundDrivers > 0 && backgroundRate > 0) {
			log("setup: %d background drivers on shift (no subscribers), to ping at about %d requests/s", backgroundDrivers,
					backgroundRate);
			List<String> tokens = new ArrayList<>();
			for (int i = 0; i < backgroundDrivers; i++) {
				String email = "stream-background-" + UUID.randomUUID() + "@bench.returnit.local";
				post("/v1/drivers", operator, """
						{"email":"%s","password":"bench-password-12","name":"Background Driver",
						 "vehicle":{"type":"van","capacityParcels":40}}""".formatted(email), 201);
				String token = login(email, "bench-password-12");
				post("/v1/drivers/me/shift/start", token, "{}", 200);
				tokens.add(token);
			}
			Files.write(backgroundTokens, tokens);
			int jit = Integer.getInteger("background.jit-warmup", 90);
			log("warming the service's ping path (JIT) with %d s of background pings before the subscribers connect", jit);
			Background warming = Background.start(backgroundTokens, backgroundRate, jit, 1);
			warming.thread().join();
			log("  warm-up pings: %,.0f/s", warming.requests().get() / Math.max(1, warming.seconds()));
		}

		long heapBefore = heapUsedKb(jcmd, pid);
		log("service heap used after GC before connecting: %,d KiB", heapBefore);

		log("connecting %d subscribers (operator token), spread over %d orders", subscriberCount, orders.size());
		List<HttpClient> wsClients = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			wsClients.add(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
		}
		AtomicLong connected = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		List<WebSocket> sockets = java.util.Collections.synchronizedList(new ArrayList<>());
		Semaphore inFlight = new Semaphore(64);
		CountDownLatch done = new CountDownLatch(subscriberCount);
		long connectStart = System.nanoTime();
		URI ws = URI.create(base.replace("http://", "ws://") + "/v1/stream");
		for (int i = 0; i < subscriberCount; i++) {
			inFlight.acquire();
			String orderId = orders.get(i % orders.size());
			Listener listener = new Listener(orderId, connected, failed, inFlight, done);
			wsClients.get(i % wsClients.size()).newWebSocketBuilder()
				.header("Authorization", "Bearer " + operator)
				.connectTimeout(Duration.ofSeconds(10))
				.buildAsync(ws, listener)
				.whenComplete((socket, error) -> {
					if (error != null) {
						listener.fail(error);
					}
					else {
						sockets.add(socket);
					}
				});
			if ((i + 1) % 1000 == 0) {
				log("  %d/%d connections started, %d subscribed, %d failed", i + 1, subscriberCount, connected.get(),
						failed.get());
			}
		}
		if (!done.await(120, TimeUnit.SECONDS)) {
			log("  timed out waiting for subscriptions");
		}
		double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
		log("subscribers: %d subscribed, %d failed, in %.1f s", connected.get(), failed.get(), connectSeconds);
		long heapAfter = heapUsedKb(jcmd, pid);
		double perConnectionKb = connected.get() == 0 ? 0 : (double) (heapAfter - heapBefore) / connected.get();
		log("service heap used after GC with subscribers: %,d KiB -> %.1f KiB per connection", heapAfter,
				perConnectionKb);
		if (Boolean.getBoolean("histogram")) {
			String[] lines = run(jcmd, Long.toString(pid), "GC.class_histogram").split("\n");
			log("largest classes in the service heap with subscribers (jcmd GC.class_histogram):");
			for (int i = 0; i < Math.min(lines.length, 30); i++) {
				System.out.println("    " + lines[i]);
			}
		}

		log("pinging: %d req/s (1 ping each) round-robin over %d drivers; %d s warm-up, then %d s measured", rate,
				drivers.size(), warmup, seconds);
		AtomicLong pingOk = new AtomicLong();
		AtomicLong pingFailed = new AtomicLong();
		long closedBefore = closedDuringRun.get();
		long periodNs = 1_000_000_000L / rate;
		long t0 = System.nanoTime();
		long measureStart = t0 + TimeUnit.SECONDS.toNanos(warmup);
		long end = measureStart + TimeUnit.SECONDS.toNanos(seconds);
		long lastProgress = t0;
		long pingsInWindow = 0;
		double loadDuring = 0;
		Background background = backgroundDrivers > 0 && backgroundRate > 0
				? Background.start(backgroundTokens, backgroundRate, warmup + seconds, 0) : null;
		try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (long k = 0;; k++) {
				long due = t0 + k * periodNs;
				if (due >= end) {
					break;
				}
				long wait = due - System.nanoTime();
				if (wait > 0) {
					TimeUnit.NANOSECONDS.sleep(wait);
				}
				if (!measuring.get() && due >= measureStart) {
					measuring.set(true);
				}
				if (measuring.get()) {
					pingsInWindow++;
				}
				Driver d = drivers.get((int) (k % drivers.size()));
				long seq = k / drivers.size() + 1;
				threads.submit(() -> {
					try {
						if (ping(d, seq)) {
							pingOk.incrementAndGet();
						}
						else {
							pingFailed.incrementAndGet();
						}
					}
					catch (Exception e) {
						pingFailed.incrementAndGet();
					}
				});
				long now = System.nanoTime();
				if (now - lastProgress >= 5_000_000_000L) {
					lastProgress = now;
					loadDuring = Math.max(loadDuring, loadAverage());
					log("  %s %.0f s: %,d pings ok, %,d failed, %,d positions received, %,d subscribers still open",
							measuring.get() ? "measuring" : "warm-up", (now - t0) / 1e9, pingOk.get(),
							pingFailed.get(), positions.get(), connected.get() - closedDuringRun.get());
				}
			}
			// positions for the last pings arrive within about a second of the feed
			Thread.sleep(2_000);
			measuring.set(false);
		}
		String backgroundResult = "none";
		if (background != null) {
			background.thread.join();
			backgroundResult = "%,.0f pings/s (asked: %,d) from %d more drivers (wrk in 5 s rounds, its connections adjusted each round; 1 ping per request; %,d not 202)"
				.formatted(background.requests.get() / background.seconds(), backgroundRate, backgroundDrivers,
						background.refused.get());
			log("background: %s", backgroundResult);
		}
		long[] us = latenciesUs.stream().mapToLong(Long::longValue).sorted().toArray();
		long heapEnd = heapUsedKb(jcmd, pid);
		for (WebSocket s : sockets) {
			s.abort();
		}

		double p50 = pct(us, 0.50) / 1000.0;
		double p95 = pct(us, 0.95) / 1000.0;
		double p99 = pct(us, 0.99) / 1000.0;
		double max = us.length == 0 ? 0 : us[us.length - 1] / 1000.0;
		boolean pass = us.length > 0 && p95 <= 500;
		String report = """
				### %s

				| Measure | Value |
				|---|---|
				| Subscribers subscribed / failed | %,d / %,d (connected in %.1f s; closed by the server during the run: %,d) |
				| Drivers with an assigned order, pinging | %d / %d |
				| Ping rate | %d requests/s, 1 ping each (%.2f pings/s per driver, one every %.1f s), %d s measured after %d s warm-up; %,d ok, %,d failed |
				| Background pings meanwhile | %s |
				| driver.position messages measured | %,d (pings reaching a subscriber in the window: about %,d; repeated or older `at`: %,d) |
				| Delivery latency p50 / p95 / p99 / max | %.0f / %.0f / %.0f / %.0f ms |
				| Aim: p95 <= 500 ms | **%s** |
				| Service heap used after GC: before / with subscribers / after the run | %,d / %,d / %,d KiB |
				| Heap per connection | %.1f KiB |
				| Load average (1 min): before / highest during | %.2f / %.2f on %d cores |
				"""
			.formatted(Instant.now().truncatedTo(ChronoUnit.SECONDS), connected.get(), failed.get(), connectSeconds,
					closedDuringRun.get() - closedBefore, accepted, drivers.size(), rate,
					(double) rate / drivers.size(), (double) drivers.size() / rate, seconds, warmup, pingOk.get(),
					pingFailed.get(), backgroundResult, us.length,
					(long) Math.min(connected.get(), subscriberCount) * (seconds + 2), repeated.get(), p50, p95, p99, max,
					pass ? "PASS" : "MISS", heapBefore, heapAfter, heapEnd, perConnectionKb,
					Double.parseDouble(System.getProperty("load.before", "0")), loadDuring,
					Runtime.getRuntime().availableProcessors());
		System.out.println();
		System.out.println(report);
		System.out.println((pass ? "PASS" : "MISS") + ": delivery p95 " + Math.round(p95) + " ms (aim <= 500 ms)");
		Files.writeString(Path.of(args[10]), report);
	}

	static final class Listener implements WebSocket.Listener {

		private final String orderId;
		private final AtomicLong connected;
		private final AtomicLong failed;
		private final Semaphore inFlight;
		private final CountDownLatch done;
		private final StringBuilder partial = new StringBuilder();
		private final AtomicBoolean settled = new AtomicBoolean();
		private long lastAtUs = Long.MIN_VALUE;

		Listener(String orderId, AtomicLong connected, AtomicLong failed, Semaphore inFlight, CountDownLatch done) {
			this.orderId = orderId;
			this.connected = connected;
			this.failed = failed;
			this.inFlight = inFlight;
			this.done = done;
		}

		@Override
		public void onOpen(WebSocket webSocket) {
			webSocket.sendText("{\"action\":\"subscribe\",\"orderId\":\"" + orderId + "\"}", true);
			webSocket.request(1);
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			long nowUs = nowMicros();
			partial.append(data);
			if (last) {
				String text = partial.toString();
				partial.setLength(0);
				if (text.contains("\"driver.position\"")) {
					positions.incrementAndGet();
					if (measuring.get()) {
						Matcher m = AT.matcher(text);
						if (m.find()) {
							Instant at = Instant.parse(m.group(1));
							long atUs = at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
							if (atUs <= lastAtUs) {
								repeated.incrementAndGet();
							}
							lastAtUs = atUs;
							latenciesUs.add(nowUs - atUs);
						}
					}
				}
				else if (text.contains("\"subscribed\"")) {
					if (settled.compareAndSet(false, true)) {
						connected.incrementAndGet();
						inFlight.release();
						done.countDown();
					}
				}
				else if (text.contains("\"order.status\"")) {
					statuses.incrementAndGet();
				}
				else if (text.contains("\"error\"")) {
					errorsReceived.incrementAndGet();
					fail(new IllegalStateException(text));
				}
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			if (settled.get()) {
				closedDuringRun.incrementAndGet();
			}
			fail(new IllegalStateException("closed " + statusCode + " " + reason));
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			if (settled.get()) {
				closedDuringRun.incrementAndGet();
			}
			fail(error);
		}

		void fail(Throwable error) {
			if (settled.compareAndSet(false, true)) {
				if (failed.incrementAndGet() <= 3) {
					log("  subscriber failed: %s", error);
				}
				inFlight.release();
				done.countDown();
			}
		}
	}

	/**
	 * Pings of the background drivers for {@code seconds}, sent by wrk (bench/stream/background.lua) in rounds of 5 s,
	 * back to back on each connection. Each round's number of connections is set from the rate the previous round
	 * reached (a closed loop sends about connections / latency requests a second), so the pings flow at about
	 * {@code rate} requests a second as far as the service can answer. Each round's pings carry times of their own, so
	 * every one is a new row.
	 */
	record Background(Thread thread, AtomicLong requests, AtomicLong refused, AtomicLong nanos) {

		double seconds() {
			return nanos.get() / 1e9;
		}

		/** {@code slot}: a number of its own for each call, so that no two calls send the same (driver, time). */
		static Background start(Path tokens, int rate, int seconds, int slot) {
			AtomicLong requests = new AtomicLong();
			AtomicLong refused = new AtomicLong();
			AtomicLong nanos = new AtomicLong();
			Thread thread = Thread.ofPlatform().start(() -> {
				double connections = 8;
				long base = Instant.now().getEpochSecond() - 7_200 - slot * 3_600L;
				for (int round = 0; round * 5 < seconds; round++) {
					try {
						int c = (int) Math.round(connections);
						ProcessBuilder wrk = new ProcessBuilder("wrk", "-t2", "-c" + c, "-d5s", "--timeout", "10s", "-s",
								"bench/stream/background.lua", StreamBench.base);
						wrk.environment().putAll(Map.of("PINGS", "1", "TOKENS", tokens.toString(), "THREADS", "2",
								"BASE_EPOCH", String.valueOf(base + round * 120L)));
						wrk.redirectErrorStream(true);
						String output = new String(wrk.start().getInputStream().readAllBytes());
						Matcher m = Pattern.compile("RESULT requests=(\\d+) other=(\\d+) errors=(\\d+) p50us=\\d+ p99us=\\d+ seconds=([0-9.]+)")
							.matcher(output);
						if (!m.find()) {
							log("background round: wrk gave no result: %s", output);
							continue;
						}
						long sent = Long.parseLong(m.group(1));
						double took = Double.parseDouble(m.group(4));
						requests.addAndGet(sent);
						refused.addAndGet(Long.parseLong(m.group(2)) + Long.parseLong(m.group(3)));
						nanos.addAndGet((long) (took * 1e9));
						double reached = sent / Math.max(0.1, took);
						connections = Math.max(2, Math.min(256, connections * rate / Math.max(1, reached)));
					}
					catch (Exception e) {
						log("background round failed: %s", e);
					}
				}
			});
			return new Background(thread, requests, refused, nanos);
		}
	}

	static long nowMicros() {
		Instant now = Instant.now();
		return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
	}

	static boolean ping(Driver d, long seq) throws Exception {
		// a few metres of movement per ping, well under the speed limit
		double lat = d.lat() + (seq % 20) * 0.00002;
		String body = String.format(Locale.ROOT, "{\"pings\":[{\"lat\":%.6f,\"lng\":%.6f,\"recordedAt\":\"%s\"}]}", lat,
				d.lng(), Instant.now());
		return send("POST", "/v1/drivers/me/locations", d.token(), body).statusCode() == 202;
	}

	static long heapUsedKb(String jcmd, long pid) throws Exception {
		run(jcmd, Long.toString(pid), "GC.run");
		String info = run(jcmd, Long.toString(pid), "GC.heap_info");
		Matcher m = Pattern.compile("used (\\d+)K").matcher(info);
		if (!m.find()) {
			throw new IllegalStateException("no heap figure in: " + info);
		}
		return Long.parseLong(m.group(1));
	}

	static String run(String... command) throws Exception {
		Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes());
		p.waitFor(60, TimeUnit.SECONDS);
		return out;
	}

	static double loadAverage() {
		try {
			return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
		}
		catch (Exception e) {
			return 0;
		}
	}

	static long pct(long[] sorted, double q) {
		if (sorted.length == 0) {
			return 0;
		}
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
	}

	static String login(String email, String password) throws Exception {
		return field(post("/v1/auth/token", null, """
				{"email":"%s","password":"%s","code":"%s"}""".formatted(email, password, Totp.currentCode()), 200),
				"accessToken");
	}

	static String get(String path, String token) throws Exception {
		HttpResponse<String> r = send("GET", path, token, null);
		if (r.statusCode() != 200) {
			throw new IllegalStateException("GET " + path + " -> " + r.statusCode() + ": " + r.body());
		}
		return r.body();
	}

	static String post(String path, String token, String body, int expected) throws Exception {
		HttpResponse<String> r = send("POST", path, token, body);
		if (r.statusCode() != expected) {
			throw new IllegalStateException("POST " + path + " -> " + r.statusCode() + ": " + r.body());
		}
		return r.body();
	}

	static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json");
		if (token != null) {
			b.header("Authorization", "Bearer " + token);
		}
		b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
	}

	static String field(String json, String name) {
		Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
		if (!m.find()) {
			throw new IllegalStateException("no " + name + " in " + json);
		}
		return m.group(1);
	}

	static void log(String format, Object... args) {
		System.out.printf("[%s] %s%n", java.time.LocalTime.now().truncatedTo(ChronoUnit.SECONDS),
				String.format(Locale.ROOT, format, args));
	}
}
