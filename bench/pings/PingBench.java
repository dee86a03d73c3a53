import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Location ping benchmark (run by bench/pings/run.sh): creates drivers through the API, puts them on shift, then
 * measures pings acknowledged with 202 per second at 1 and at 10 pings per request, and the raw rate of single-row
 * INSERTs into the same table over plain JDBC at the same concurrency.
 *
 * Arguments: baseUrl pgPort drivers concurrency secondsPerPhase adminEmail adminPassword resultFile
 */
public class PingBench {

	record Phase(String name, long requests, long pings, long errors, double seconds, long p50us, long p99us) {

		double pingsPerSecond() {
			return pings / seconds;
		}
	}

	record Driver(String id, String token, double lat, double lng) {
	}

	static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5)).build();
	static String base;

	public static void main(String[] args) throws Exception {
		base = args[0];
		int pgPort = Integer.parseInt(args[1]);
		int drivers = Integer.parseInt(args[2]);
		int concurrency = Integer.parseInt(args[3]);
		int seconds = Integer.parseInt(args[4]);
		String operator = login(args[5], args[6]);

		log("creating %d drivers and putting them on shift", drivers);
		List<Driver> fleet = createDrivers(operator, drivers);
		int warmUp = Integer.parseInt(System.getProperty("warmup", "20"));
		log("warming up the JIT for %d s", warmUp);
		http(fleet, concurrency, 1, warmUp / 2, "warm-up");
		http(fleet, concurrency, 10, warmUp - warmUp / 2, "warm-up");

		Phase one = http(fleet, concurrency, 1, seconds, "HTTP, 1 ping/request");
		Phase ten = http(fleet, concurrency, 10, seconds, "HTTP, 10 pings/request");
		Phase raw = rawInserts(pgPort, fleet, concurrency, seconds);

		String report = report(List.of(one, ten, raw), raw, drivers, concurrency, seconds);
		System.out.println();
		System.out.println(report);
		Files.writeString(Path.of(args[7]), report);
	}

	static List<Driver> createDrivers(String operator, int count) throws Exception {
		List<Driver> fleet = new ArrayList<>();
		try (var pool = Executors.newFixedThreadPool(4)) {
			var futures = new ArrayList<java.util.concurrent.Future<Driver>>();
			for (int i = 0; i < count; i++) {
				futures.add(pool.submit(() -> {
					String email = "bench-driver-" + UUID.randomUUID() + "@bench.returnit.local";
					String created = post("/v1/drivers", operator, """
							{"email":"%s","password":"bench-password-12","name":"Bench Driver",
							 "vehicle":{"type":"van","capacityParcels":40}}""".formatted(email), 201);
					String token = login(email, "bench-password-12");
					post("/v1/drivers/me/shift/start", token, "{}", 200);
					ThreadLocalRandom r = ThreadLocalRandom.current();
					return new Driver(field(created, "id"), token, 52.40 + r.nextDouble() * 0.2,
							13.20 + r.nextDouble() * 0.4);
				}));
			}
			for (int i = 0; i < futures.size(); i++) {
				fleet.add(futures.get(i).get());
				if ((i + 1) % 25 == 0) {
					log("  %d/%d drivers ready", i + 1, count);
				}
			}
		}
		return fleet;
	}

	/** {@code concurrency} virtual threads, each sending requests back to back for {@code seconds}. */
	static Phase http(List<Driver> fleet, int concurrency, int perRequest, int seconds, String name) throws Exception {
		AtomicLong requests = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
		long start = System.nanoTime();
		long end = start + seconds * 1_000_000_000L;
		try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int t = 0; t < concurrency; t++) {
				int worker = t;
				threads.submit(() -> {
					long[] mine = new long[4096];
					int n = 0;
					Connection1 connection = new Connection1();
					for (int i = worker; System.nanoTime() < end; i += concurrency) {
						Driver driver = fleet.get(i % fleet.size());
						long sent = System.nanoTime();
						int status = sendPings(connection, driver, perRequest);
						if (status < 0) {
							connection.close();
							connection = new Connection1();
						}
						if (status == 202) {
							if (n == mine.length) {
								mine = Arrays.copyOf(mine, n * 2);
							}
							mine[n++] = System.nanoTime() - sent;
							requests.incrementAndGet();
						}
						else {
							errors.incrementAndGet();
						}
					}
					connection.close();
					latencies.add(Arrays.copyOf(mine, n));
					return null;
				});
			}
			progress(name, requests, perRequest, start, end);
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
		Phase phase = new Phase(name, requests.get(), requests.get() * perRequest, errors.get(), elapsed,
				percentile(all, 0.50), percentile(all, 0.99));
		log("%s: %,.0f pings/s, p50 %d us, p99 %d us, %d errors", name, phase.pingsPerSecond(), phase.p50us(),
				phase.p99us(), phase.errors());
		return phase;
	}

	/**
	 * One keep-alive HTTP/1.1 connection per virtual thread, written and read by hand: the JDK client costs several
	 * times the CPU per request, and client and server share the machine's cores.
	 */
	static final class Connection1 implements AutoCloseable {

		private java.net.Socket socket;
		private java.io.OutputStream out;
		private java.io.InputStream in;
		private String host;

		Connection1() throws java.io.IOException {
			open();
		}

		/** Tomcat closes a keep-alive connection after 100 requests by default; then the next one opens anew. */
		private void open() throws java.io.IOException {
			URI uri = URI.create(base);
			socket = new java.net.Socket(uri.getHost(), uri.getPort());
			socket.setTcpNoDelay(true);
			out = new java.io.BufferedOutputStream(socket.getOutputStream(), 16_384);
			in = new java.io.BufferedInputStream(socket.getInputStream(), 16_384);
			host = uri.getHost() + ":" + uri.getPort();
		}

		int post(String path, String token, String body) throws java.io.IOException {
			byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
			out.write(("POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + token
					+ "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n")
				.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
			out.write(bytes);
			out.flush();
			String status = line();
			int length = 0;
			boolean chunked = false;
			boolean closing = false;
			for (String header = line(); !header.isEmpty(); header = line()) {
				String lower = header.toLowerCase(java.util.Locale.ROOT);
				if (lower.startsWith("content-length:")) {
					length = Integer.parseInt(lower.substring(15).trim());
				}
				chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
				closing |= lower.startsWith("connection:") && lower.contains("close");
			}
			if (chunked) {
				for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
					in.skipNBytes(size);
					line();
				}
				line();
			}
			else {
				in.skipNBytes(length);
			}
			if (closing) {
				socket.close();
				open();
			}
			return Integer.parseInt(status.substring(9, 12));
		}

		private String line() throws java.io.IOException {
			StringBuilder line = new StringBuilder();
			for (int c = in.read(); c != '\n'; c = in.read()) {
				if (c < 0) {
					throw new java.io.EOFException();
				}
				if (c != '\r') {
					line.append((char) c);
				}
			}
			return line.toString();
		}

		@Override
		public void close() throws java.io.IOException {
			socket.close();
		}
	}

	static int sendPings(Connection1 connection, Driver driver, int count) {
		StringBuilder body = new StringBuilder("{\"pings\":[");
		Instant now = Instant.now();
		ThreadLocalRandom r = ThreadLocalRandom.current();
		for (int i = 0; i < count; i++) {
			body.append(i == 0 ? "" : ",").append("{\"lat\":").append(driver.lat() + r.nextDouble() * 1e-5)
				.append(",\"lng\":").append(driver.lng() + r.nextDouble() * 1e-5)
				.append(",\"recordedAt\":\"").append(now.minusSeconds(count - 1 - i)).append("\"")
				.append(",\"accuracyM\":6.5,\"speedMps\":4.2,\"headingDeg\":90}");
		}
		body.append("]}");
		try {
			return connection.post("/v1/drivers/me/locations", driver.token(), body.toString());
		}
		catch (Exception e) {
			return -1;
		}
	}

	/** The same rows one INSERT and one commit at a time, {@code concurrency} connections in parallel. */
	static Phase rawInserts(int pgPort, List<Driver> fleet, int concurrency, int seconds) throws Exception {
		String url = "jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres";
		AtomicLong rows = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
		long start = System.nanoTime();
		long end = start + seconds * 1_000_000_000L;
		try (var threads = Executors.newFixedThreadPool(concurrency)) {
			for (int t = 0; t < concurrency; t++) {
				int worker = t;
				threads.submit(() -> {
					long[] mine = new long[4096];
					int n = 0;
					try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
							PreparedStatement insert = c.prepareStatement("""
									INSERT INTO driver_pings (driver_id, recorded_at, lat, lng, accuracy_m, speed_mps,
									  heading_deg, flagged, received_at) VALUES (?, ?, ?, ?, 6.5, 4.2, 90, false, now())""")) {
						for (int i = worker; System.nanoTime() < end; i += concurrency) {
							Driver driver = fleet.get(i % fleet.size());
							long sent = System.nanoTime();
							insert.setObject(1, UUID.fromString(driver.id()));
							insert.setTimestamp(2, Timestamp.from(Instant.now()));
							insert.setDouble(3, driver.lat());
							insert.setDouble(4, driver.lng());
							insert.executeUpdate();
							if (n == mine.length) {
								mine = Arrays.copyOf(mine, n * 2);
							}
							mine[n++] = System.nanoTime() - sent;
							rows.incrementAndGet();
						}
					}
					catch (Exception e) {
						errors.incrementAndGet();
						System.err.println(e);
					}
					latencies.add(Arrays.copyOf(mine, n));
					return null;
				});
			}
			progress("raw JDBC INSERT", rows, 1, start, end);
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
		Phase phase = new Phase("raw JDBC, 1 INSERT/commit", rows.get(), rows.get(), errors.get(), elapsed,
				percentile(all, 0.50), percentile(all, 0.99));
		log("raw JDBC: %,.0f rows/s, p50 %d us, p99 %d us", phase.pingsPerSecond(), phase.p50us(), phase.p99us());
		return phase;
	}

	static void progress(String name, AtomicLong done, int perRequest, long start, long end) throws InterruptedException {
		while (System.nanoTime() < end) {
			Thread.sleep(Math.min(5_000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
			log("  %s: %,d pings so far (%,.0f/s)", name, done.get() * perRequest,
					done.get() * perRequest / ((System.nanoTime() - start) / 1e9));
		}
	}

	static String report(List<Phase> phases, Phase raw, int drivers, int concurrency, int seconds) {
		StringBuilder out = new StringBuilder();
		out.append("### Run of ").append(LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS)).append("\n\n");
		out.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores (load average at the end: ")
			.append(loadAverage()).append("), ")
			.append(System.getProperty("os.name")).append(", Java ").append(Runtime.version()).append(". ")
			.append(drivers).append(" drivers on shift, concurrency ").append(concurrency).append(", ")
			.append(seconds).append(" s per phase after a 20 s JIT warm-up, client (keep-alive HTTP/1.1, one connection")
			.append(" per virtual thread) and server on the same machine over loopback, ")
			.append("embedded PostgreSQL with fsync and synchronous_commit on.\n\n");
		out.append("| phase | requests | pings/s | p50 | p99 | errors | vs raw |\n");
		out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
		for (Phase p : phases) {
			out.append("| %s | %,d | %,.0f | %.1f ms | %.1f ms | %d | %.1fx |%n".formatted(p.name(), p.requests(),
					p.pingsPerSecond(), p.p50us() / 1000.0, p.p99us() / 1000.0, p.errors(),
					p.pingsPerSecond() / raw.pingsPerSecond()));
		}
		return out.toString();
	}

	static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (Exception e) {
			return "unknown";
		}
	}

	static long percentile(long[] sorted, double q) {
		return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * q))] / 1000;
	}

	static String login(String email, String password) throws Exception {
		return field(post("/v1/auth/token", null, "{\"email\":\"%s\",\"password\":\"%s\",\"code\":\"%s\"}"
			.formatted(email, password, Totp.currentCode()), 200), "accessToken");
	}

	static String post(String path, String token, String body, int expected) throws Exception {
		HttpResponse<String> response = send(path, token, body);
		if (response.statusCode() != expected) {
			throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	static HttpResponse<String> send(String path, String token, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	static String field(String json, String name) {
		Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
		if (!m.find()) {
			throw new IllegalStateException("no " + name + " in " + json);
		}
		return m.group(1);
	}

	static void log(String format, Object... args) {
		System.out.printf("[%s] %s%n", LocalDateTime.now().toLocalTime().truncatedTo(ChronoUnit.SECONDS),
				format.formatted(args));
	}
}
