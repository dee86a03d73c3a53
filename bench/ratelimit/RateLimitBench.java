import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Does one client's burst slow the others down? Quiet customers call GET /v1/orders at a steady pace below their
 * limit, first alone (the reference) and then while one customer bursts with many concurrent connections far over
 * its limit. Prints the quiet clients' latency in both phases, the ratio, and how the burst was answered.
 *
 * <p>Arguments: base URL, quiet clients, requests per second per quiet client, burst concurrency, seconds per phase,
 * result file.
 */
public class RateLimitBench {

	static final AtomicLong burstOther = new AtomicLong();

	/** Of the last burst's 429s, those the load balancer answered (bin/cluster's edge limit). */
	static final AtomicLong burstEdge = new AtomicLong();

	static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
		.executor(Executors.newVirtualThreadPerTaskExecutor()).build();

	public static void main(String[] args) throws Exception {
		String base = args[0];
		int quiet = Integer.parseInt(args[1]);
		double perSecond = Double.parseDouble(args[2]);
		int burst = Integer.parseInt(args[3]);
		int seconds = Integer.parseInt(args[4]);
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i <= quiet; i++) {
			tokens.add(customer(base));
		}
		String burster = tokens.removeLast();
		warmUp(base, tokens);

		// the burster first spends its bucket, so the phases measure a caller over its limit, not its first minute
		for (int i = 0; i < 10_000 && get(base, burster) != 429; i++) {
		}
		// both paths (a list, a refusal) cost several times more before the JIT has compiled them: on 2 cores that
		// takes about a minute of this traffic, so a first phase like the measured one is thrown away
		int warmup = Integer.getInteger("warmup", 60);
		System.out.printf("warming up for %d s (quiet customers and the burst, not measured)%n", warmup);
		run(base, tokens, perSecond, burster, burst, warmup);
		System.out.printf("measuring %d s alone, then %d s with the burst%n", seconds, seconds);
		Phase alone = run(base, tokens, perSecond, null, burst, seconds);
		Phase during = run(base, tokens, perSecond, burster, burst, seconds);

		double ratioP50 = (double) during.p(50) / alone.p(50);
		double ratioP99 = (double) during.p(99) / alone.p(99);
		String result = """
				| phase | quiet requests | quiet p50 ms | quiet p95 ms | quiet p99 ms | quiet 429s | burst requests/s | burst 429 share |
				| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
				| %s |
				| %s |

				Ratio quiet latency during the burst / alone: p50 %.2f, p99 %.2f (aim: below 1.5, i.e. the burst costs the others little).
				The burst: %s on %d connections (wrk); answers other than 200 or 429: %d.
				""".formatted(alone.row("alone (reference)", seconds), during.row("one customer bursting", seconds),
				ratioP50, ratioP99, Integer.getInteger("burst.rate", 1000) <= 0 ? "as fast as the machine answers"
						: "paced to about " + Integer.getInteger("burst.rate", 1000) + " requests/s",
				burst, burstOther.get());
		System.out.println(result);
		Files.writeString(Path.of(args[5]), result);
	}

	record Phase(List<Long> micros, long quiet429, long burstRequests, long burst429) {

		long p(int percentile) {
			List<Long> sorted = new ArrayList<>(micros);
			Collections.sort(sorted);
			return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * percentile / 100)) / 1000;
		}

		String row(String name, int seconds) {
			return "%s | %d | %d | %d | %d | %d | %.0f | %s".formatted(name, micros.size(), p(50), p(95), p(99), quiet429,
					(double) burstRequests / seconds,
					burstRequests == 0 ? "-" : "%.1f %%".formatted(100.0 * burst429 / burstRequests));
		}
	}

	static Phase run(String base, List<String> quiet, double perSecond, String burster, int burst, int seconds)
			throws Exception {
		List<Long> micros = Collections.synchronizedList(new ArrayList<>());
		AtomicLong quiet429 = new AtomicLong();
		AtomicLong burstRequests = new AtomicLong();
		AtomicLong burst429 = new AtomicLong();
		long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
		long interval = (long) (1_000_000_000L / perSecond);
		Process wrk = burster == null ? null : burst(base, burster, burst, seconds);
		try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
			for (String token : quiet) {
				executor.submit(() -> {
					long next = System.nanoTime();
					while (System.nanoTime() < end) {
						long start = System.nanoTime();
						if (get(base, token) == 429) {
							quiet429.incrementAndGet();
						}
						micros.add((System.nanoTime() - start) / 1000);
						next += interval;
						long sleep = next - System.nanoTime();
						if (sleep > 0) {
							Thread.sleep(Duration.ofNanos(sleep));
						}
					}
					return null;
				});
			}
			Thread.sleep(Duration.ofSeconds(seconds));
		}
		if (wrk != null) {
			String output = new String(wrk.getInputStream().readAllBytes());
			wrk.waitFor();
			var m = java.util.regex.Pattern.compile("RESULT requests=(\\d+) refused=(\\d+) other=(\\d+) errors=(\\d+)")
				.matcher(output);
			if (!m.find()) {
				throw new IllegalStateException("wrk gave no result:\n" + output);
			}
			burstRequests.set(Long.parseLong(m.group(1)));
			burst429.set(Long.parseLong(m.group(2)));
			burstOther.set(Long.parseLong(m.group(3)) + Long.parseLong(m.group(4)));
			var edge = java.util.regex.Pattern.compile("edge=(\\d+)").matcher(output);
			burstEdge.set(edge.find() ? Long.parseLong(edge.group(1)) : 0);
		}
		return new Phase(micros, quiet429.get(), burstRequests.get(), burst429.get());
	}

	/**
	 * The burst, sent by wrk on {@code connections} keep-alive connections for {@code seconds}: paced to about
	 * {@code BURST_RATE} requests a second (system property {@code burst.rate}; 0 sends as fast as the machine answers,
	 * which on a machine shared with the service measures the client's CPU as much as the service).
	 */
	static Process burst(String base, String token, int connections, int seconds) throws Exception {
		int rate = Integer.getInteger("burst.rate", 1000);
		ProcessBuilder wrk = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--timeout", "10s",
				"-s", "bench/ratelimit/burst.lua", base);
		wrk.environment().put("TOKEN", token);
		wrk.environment().put("DELAY_MS", rate <= 0 ? "0" : String.valueOf(Math.max(1, connections * 1000 / rate - 1)));
		wrk.redirectErrorStream(true);
		return wrk.start();
	}

	static void warmUp(String base, List<String> tokens) {
		for (int i = 0; i < 3; i++) {
			for (String token : tokens) {
				get(base, token);
			}
		}
	}

	static int get(String base, String token) {
		try {
			return CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/v1/orders?limit=5"))
				.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (Exception e) {
			return 599;
		}
	}

	static String customer(String base) throws Exception {
		String email = "bench-" + UUID.randomUUID() + "@bench.returnit.local";
		String password = "bench-password-123";
		post(base + "/v1/customers", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"name\":\"Bench\"}");
		String body = post(base + "/v1/auth/token", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
		int start = body.indexOf("\"accessToken\":\"") + 15;
		return body.substring(start, body.indexOf('"', start));
	}

	static String post(String url, String json) throws Exception {
		HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 300) {
			throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}
}
