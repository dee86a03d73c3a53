import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Does one hanging webhook endpoint slow delivery to 50 healthy ones? Two merchants, each with 50 healthy endpoints
 * on a local receiver; the second also has one endpoint that accepts the connection and never answers. The same
 * bookings are made for each at the same rate; each healthy delivery's latency is the time from the booking's
 * answer to the webhook's arrival. A first run of the same load warms the service up and is not counted; then the
 * two alternate for {@code rounds} rounds, so that drift (warm-up, other load) falls on both. Prints both
 * distributions and the ratio (with / without the hanging endpoint).
 *
 * <p>Arguments: --base=http://127.0.0.1:PORT --admin-email=... --admin-password=... [--orders=40] [--rate=4]
 * [--endpoints=50] [--rounds=2] [--out=FILE.md]
 */
public class WebhookBench {

	static final Pattern ORDER_ID = Pattern.compile("\"orderId\":\"([0-9a-f-]{36})\"");
	static final HttpClient HTTP = HttpClient.newHttpClient();

	static String base;

	public static void main(String[] args) throws Exception {
		Map<String, String> opts = new java.util.HashMap<>();
		for (String a : args) {
			int eq = a.indexOf('=');
			opts.put(a.substring(2, eq), a.substring(eq + 1));
		}
		base = opts.get("base");
		int orders = Integer.parseInt(opts.getOrDefault("orders", "40"));
		double rate = Double.parseDouble(opts.getOrDefault("rate", "4"));
		int endpoints = Integer.parseInt(opts.getOrDefault("endpoints", "50"));
		int rounds = Integer.parseInt(opts.getOrDefault("rounds", "2"));
		String operator = field(post("/v1/auth/token", null, "{\"email\":\"" + opts.get("admin-email")
				+ "\",\"password\":\"" + opts.get("admin-password") + "\"}"), "accessToken");
		post("/v1/service-areas", operator, "{\"name\":\"Berlin\",\"polygon\":[[52.60,13.10],[52.60,13.70],[52.38,13.70],[52.38,13.10]]}");
		String email = "bench-" + System.nanoTime() + "@bench.returnit.local";
		post("/v1/customers", null, "{\"email\":\"" + email + "\",\"password\":\"bench-password-1\",\"name\":\"Bench\"}");
		String customer = field(post("/v1/auth/token", null, "{\"email\":\"" + email + "\",\"password\":\"bench-password-1\"}"), "accessToken");

		Receiver healthy = new Receiver(false);
		Receiver hanging = new Receiver(true);
		try {
			String[] warm = merchant(operator, "Warm-up Shop");
			String[] calm = merchant(operator, "Calm Shop");
			String[] stormy = merchant(operator, "Stormy Shop");
			for (int i = 0; i < endpoints; i++) {
				endpoint(warm[1], healthy.url("/warm/" + i));
				endpoint(calm[1], healthy.url("/calm/" + i));
				endpoint(stormy[1], healthy.url("/stormy/" + i));
			}
			endpoint(stormy[1], hanging.url("/hang"));

			System.out.printf("== Warm-up (not counted): %d bookings at %.1f/s, %d healthy endpoints%n", orders, rate, endpoints);
			run(customer, warm[0], "/warm/", orders, rate, endpoints, healthy);

			List<Long> without = new ArrayList<>();
			List<Long> with = new ArrayList<>();
			for (int round = 1; round <= rounds; round++) {
				System.out.printf("== Round %d, without a hanging endpoint: %d bookings at %.1f/s, %d healthy endpoints%n",
						round, orders, rate, endpoints);
				without.addAll(run(customer, calm[0], "/calm/", orders, rate, endpoints, healthy));
				System.out.printf("== Round %d, with one hanging endpoint (never answers; 15 s timeout): same load%n", round);
				with.addAll(run(customer, stormy[0], "/stormy/", orders, rate, endpoints, healthy));
			}
			Collections.sort(without);
			Collections.sort(with);

			String report = report(without, with, hanging.requests.size(), endpoints, orders * rounds, rate);
			System.out.println(report);
			if (opts.containsKey("out")) {
				java.nio.file.Files.writeString(java.nio.file.Path.of(opts.get("out")), report);
			}
		}
		finally {
			healthy.close();
			hanging.close();
		}
	}

	static List<Long> run(String customer, String merchantId, String prefix, int orders, double rate, int endpoints,
			Receiver receiver) throws Exception {
		Map<String, Long> bookedAt = new ConcurrentHashMap<>();
		long period = (long) (1_000_000_000L / rate);
		long start = System.nanoTime();
		for (int i = 0; i < orders; i++) {
			long due = start + i * period;
			long wait = due - System.nanoTime();
			if (wait > 0) {
				Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
			}
			String id = field(post("/v1/orders", customer, request(merchantId)), "id");
			bookedAt.put(id, System.nanoTime());
		}
		long deadline = System.nanoTime() + 60_000_000_000L;
		int expected = orders * endpoints;
		while (receiver.count(prefix, bookedAt.keySet()) < expected && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		List<Long> latencies = new ArrayList<>();
		receiver.arrivals.forEach((key, at) -> {
			if (key.startsWith(prefix)) {
				Long booked = bookedAt.get(key.substring(key.indexOf('|') + 1));
				if (booked != null) {
					latencies.add(Math.max(0, at - booked) / 1_000_000);
				}
			}
		});
		Collections.sort(latencies);
		System.out.printf("   %d of %d healthy deliveries arrived%n", latencies.size(), expected);
		return latencies;
	}

	static String report(List<Long> without, List<Long> with, int hangingRequests, int endpoints, int orders, double rate) {
		double ratio50 = (double) pct(with, 50) / Math.max(1, pct(without, 50));
		double ratio95 = (double) pct(with, 95) / Math.max(1, pct(without, 95));
		return String.format("""
				### %s

				%d bookings at %.1f/s to %d healthy endpoints per condition, in alternating rounds (%d deliveries each); load average before: %s

				| Healthy-endpoint delivery latency | n | p50 ms | p95 ms | p99 ms | max ms |
				|---|---|---|---|---|---|
				| without a hanging endpoint | %d | %d | %d | %d | %d |
				| with one hanging endpoint | %d | %d | %d | %d | %d |

				Ratio with / without: **p50 %.2f, p95 %.2f** (aim: p95 ratio at most 1.5, i.e. no material slowdown).
				The hanging endpoint received %d requests (at most 4 at a time, each held until the 15 s timeout).
				""", Instant.now().truncatedTo(ChronoUnit.SECONDS), orders, rate, endpoints, orders * endpoints,
				loadAverage(), without.size(), pct(without, 50), pct(without, 95), pct(without, 99), pct(without, 100),
				with.size(), pct(with, 50), pct(with, 95), pct(with, 99), pct(with, 100), ratio50, ratio95, hangingRequests);
	}

	static long pct(List<Long> sorted, int p) {
		if (sorted.isEmpty()) {
			return -1;
		}
		int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
	}

	static String loadAverage() {
		try {
			return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (Exception e) {
			return "?";
		}
	}

	static String[] merchant(String operator, String name) throws Exception {
		String body = post("/v1/merchants", operator, """
				{"name":"%s","returnPolicy":{"windowDays":30,"excludedCategories":[],"maxItems":5,"maxItemValueCents":100000,"rules":[]},
				"hubs":[{"name":"Mitte hub","address":"Invalidenstr 1, Berlin","lat":52.5321,"lng":13.3849}]}""".formatted(name));
		Matcher secret = Pattern.compile("\"secret\":\"([^\"]+)\"").matcher(body);
		secret.find();
		return new String[] { field(body, "id"), secret.group(1) };
	}

	static void endpoint(String apiKey, String url) throws Exception {
		post("/v1/webhook-endpoints", apiKey, "{\"url\":\"" + url + "\",\"events\":[\"order.scheduled\"]}");
	}

	static String request(String merchantId) {
		Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		return """
				{"merchantId":"%s","pickup":{"address":"Torstrasse 1, 10119 Berlin","lat":52.529,"lng":13.401},
				"window":{"start":"%s","end":"%s"},"items":[{"sku":"SKU-1","description":"A jacket","category":"outerwear",
				"purchasedAt":"%s","valueCents":12900,"merchantOrderRef":"MO-1","tagsAttached":true}]}"""
			.formatted(merchantId, start, start.plus(2, ChronoUnit.HOURS), Instant.now().minus(7, ChronoUnit.DAYS));
	}

	static String post(String path, String token, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 300) {
			throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	static String field(String json, String name) {
		Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
		if (!m.find()) {
			throw new IllegalStateException("no " + name + " in " + json);
		}
		return m.group(1);
	}

	/** A local webhook receiver: healthy ones answer 204 and note the arrival; a hanging one never answers. */
	static final class Receiver implements AutoCloseable {

		final HttpServer server;
		final Map<String, Long> arrivals = new ConcurrentHashMap<>();
		final List<Long> requests = Collections.synchronizedList(new ArrayList<>());
		final CountDownLatch closing = new CountDownLatch(1);

		Receiver(boolean hang) throws Exception {
			server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 500);
			server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			server.createContext("/", exchange -> {
				try (exchange) {
					long at = System.nanoTime();
					String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
					requests.add(at);
					if (hang) {
						closing.await();
						return;
					}
					Matcher m = ORDER_ID.matcher(body);
					if (m.find()) {
						arrivals.putIfAbsent(exchange.getRequestURI().getPath() + "|" + m.group(1), at);
					}
					exchange.sendResponseHeaders(204, -1);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			});
			server.start();
		}

		String url(String path) {
			return "http://127.0.0.1:" + server.getAddress().getPort() + path;
		}

		int count(String prefix, java.util.Set<String> orderIds) {
			return (int) arrivals.keySet().stream().filter(k -> k.startsWith(prefix)
					&& orderIds.contains(k.substring(k.indexOf('|') + 1))).count();
		}

		@Override
		public void close() {
			closing.countDown();
			server.stop(0);
		}
	}
}
