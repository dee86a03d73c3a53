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
import returnit.bench.Totp;

/**
 * Location ping benchmark (run by bench/pings/run.sh): creates drivers through the API, puts them on shift, then
 * measures pings acknowledged with 202 per second at 1 and at 10 pings per request, and the raw rate of single-row
 * INSERTs into the same table over plain JDBC at the same concurrency.
 *
 * Arguments: baseUrl pgPort drivers concurrency secondsPerPhase adminEmail adminPassword resultFile
 */
public class PingBench {

	record Phase(String name, long requests, long pings, long errors, double seconds, long p50us, long p99us,
			long stored, double cpuMsPerRequest, double stolenPercent) {

		double pingsPerSecond() {
			return pings / seconds;
		}
	}

	record Driver(String id, String token, double lat, double lng) {
	}

	static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5)).build();
	static final Instant START = Instant.now();
	static final int WRK_THREADS = 2;
	static String base;
	static String jdbcUrl;
	static long servicePid;
	static Path TOKENS;
	/** Where the next phase's pings start: a week ago, then after everything the phase before could have sent. */
	static long nextEpoch = START.getEpochSecond() - 7 * 86_400L;

	public static void main(String[] args) throws Exception {
		base = args[0];
		int pgPort = Integer.parseInt(args[1]);
		jdbcUrl = "jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres";
		servicePid = Long.parseLong(args[8]);
		int drivers = Integer.parseInt(args[2]);
		int concurrency = Integer.parseInt(args[3]);
		int seconds = Integer.parseInt(args[4]);
		String operator = login(args[5], args[6]);

		log("creating %d drivers and putting them on shift", drivers);
		List<Driver> fleet = createDrivers(operator, drivers);
		TOKENS = Path.of(args[7]).resolveSibling("tokens.txt");
		Files.write(TOKENS, fleet.stream().map(Driver::token).toList());
		int warmUp = Integer.parseInt(System.getProperty("warmup", "120"));
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

	/**
	 * One phase run by wrk (2 threads, {@code concurrency} keep-alive connections, bench/pings/pings.lua): every
	 * driver's pings in this phase start after the last one the previous phase could have sent (the first phase's a
	 * week ago), so no two phases send the same (driver, recordedAt) and every acknowledged ping must be a new row,
	 * which the phase then counts. (With fixed 20-minute slots, a fast warm-up overran into the next phase's, whose
	 * pings were then all already stored.)
	 */
	static Phase http(List<Driver> fleet, int concurrency, int perRequest, int seconds, String name) throws Exception {
		long epoch = nextEpoch;
		long rowsBefore = storedPings();
		long cpuBefore = serviceCpuMillis();
		long[] machineBefore = machineTicks();
		log("%s: %d s, wrk with %d connections, %d ping(s) per request", name, seconds, concurrency, perRequest);
		ProcessBuilder wrk = new ProcessBuilder("wrk", "-t" + WRK_THREADS, "-c" + concurrency, "-d" + seconds + "s",
				"--timeout", "10s", "-s", "bench/pings/pings.lua", base);
		wrk.environment().putAll(java.util.Map.of("PINGS", String.valueOf(perRequest), "TOKENS", TOKENS.toString(),
				"BASE_EPOCH", String.valueOf(epoch), "THREADS", String.valueOf(WRK_THREADS)));
		wrk.redirectErrorStream(true);
		Process process = wrk.start();
		Thread ticker = Thread.ofVirtual().start(() -> {
			try {
				for (int at = 5; at < seconds; at += 5) {
					Thread.sleep(5_000);
					log("  %s: %d of %d s, service CPU %.2f cores", name, at, seconds,
							(serviceCpuMillis() - cpuBefore) / (at * 1000.0));
				}
			}
			catch (InterruptedException e) {
				// phase over
			}
		});
		String output = new String(process.getInputStream().readAllBytes());
		process.waitFor();
		ticker.interrupt();
		long cpu = serviceCpuMillis() - cpuBefore;
		Matcher m = Pattern.compile("RESULT requests=(\\d+) other=(\\d+) errors=(\\d+) p50us=(\\d+) p99us=(\\d+) seconds=([0-9.]+)")
			.matcher(output);
		if (!m.find()) {
			throw new IllegalStateException("wrk gave no result:\n" + output);
		}
		long requests = Long.parseLong(m.group(1));
		// pings are 100 ms apart per driver; a wrk thread may have sent up to twice its share, and some were in flight
		nextEpoch = epoch + (long) Math.ceil(2.0 * requests * perRequest / fleet.size() / 10) + 600;
		long refused = Long.parseLong(m.group(2)) + Long.parseLong(m.group(3));
		long acknowledged = (requests - Long.parseLong(m.group(2))) * perRequest;
		long stored = storedPings() - rowsBefore;
		Phase phase = new Phase(name, requests - Long.parseLong(m.group(2)), acknowledged, refused,
				Double.parseDouble(m.group(6)), Long.parseLong(m.group(4)), Long.parseLong(m.group(5)), stored,
				requests == 0 ? 0 : (double) cpu / requests, stolenPercent(machineBefore));
		log("%s: %,.0f pings/s, p50 %d us, p99 %d us, %d errors, %,d acknowledged, %,d new rows, %.3f ms service CPU per request",
				name, phase.pingsPerSecond(), phase.p50us(), phase.p99us(), phase.errors(), acknowledged, stored,
				phase.cpuMsPerRequest());
		return phase;
	}

	/** Rows in driver_pings (all partitions), counted on the benchmark's own connection. */
	static long storedPings() throws Exception {
		try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
				var rs = c.createStatement().executeQuery("SELECT count(*) FROM driver_pings")) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** CPU time (user + system) the service JVM has used so far, from /proc. */
	static long serviceCpuMillis() {
		try {
			String stat = Files.readString(Path.of("/proc/" + servicePid + "/stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
		}
		catch (Exception e) {
			return 0;
		}
	}

	/** The machine's CPU ticks so far from /proc/stat's first line: user, nice, system, idle, iowait, irq, softirq, steal. */
	static long[] machineTicks() {
		try {
			String[] fields = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
			long[] ticks = new long[8];
			for (int i = 0; i < ticks.length; i++) {
				ticks[i] = Long.parseLong(fields[i + 1]);
			}
			return ticks;
		}
		catch (Exception e) {
			return new long[8];
		}
	}

	/** The share of the machine's CPU time the hypervisor gave to other guests since {@code before} (steal). */
	static double stolenPercent(long[] before) {
		long[] now = machineTicks();
		long total = 0;
		for (int i = 0; i < now.length; i++) {
			total += now[i] - before[i];
		}
		return total == 0 ? 0 : 100.0 * (now[7] - before[7]) / total;
	}

	/** The same rows one INSERT and one commit at a time, {@code concurrency} connections in parallel. */
	static Phase rawInserts(int pgPort, List<Driver> fleet, int concurrency, int seconds) throws Exception {
		String url = jdbcUrl;
		long rowsBefore = storedPings();
		long[] machineBefore = machineTicks();
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
							try {
								insert.executeUpdate();
							}
							catch (java.sql.SQLException e) {
								// two workers can hit the same driver in the same microsecond: counted, not fatal
								errors.incrementAndGet();
								continue;
							}
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
				percentile(all, 0.50), percentile(all, 0.99), storedPings() - rowsBefore, 0, stolenPercent(machineBefore));
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
			.append(seconds).append(" s per phase after a ").append(Integer.getInteger("warmup", 120))
			.append(" s JIT warm-up; HTTP client wrk (2 threads, keep-alive HTTP/1.1) and server on the same machine over")
			.append(" loopback; raw JDBC with the same number of connections; embedded PostgreSQL with fsync and")
			.append(" synchronous_commit on. \"New rows\" counts driver_pings before and after the phase: every acknowledged")
			.append(" ping must be there (a few more are: requests still in flight when wrk stops are stored but not")
			.append(" counted). \"CPU stolen\" is the share of the machine's CPU time the hypervisor gave to other guests")
			.append(" during the phase (steal in /proc/stat): the cores this run really had.\n\n");
		out.append("| phase | requests | pings/s | p50 | p99 | errors | new rows | service CPU per request | CPU stolen | vs raw |\n");
		out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
		for (Phase p : phases) {
			out.append("| %s | %,d | %,.0f | %.1f ms | %.1f ms | %d | %,d | %s | %.0f%% | %.1fx |%n".formatted(p.name(),
					p.requests(), p.pingsPerSecond(), p.p50us() / 1000.0, p.p99us() / 1000.0, p.errors(), p.stored(),
					p.cpuMsPerRequest() == 0 ? "-" : "%.3f ms".formatted(p.cpuMsPerRequest()), p.stolenPercent(),
					p.pingsPerSecond() / raw.pingsPerSecond()));
		}
		long missing = phases.stream().filter(p -> p != raw).mapToLong(p -> Math.max(0, p.pings() - p.stored())).sum();
		out.append("\nAcknowledged pings missing from the table: ").append(missing).append(missing == 0 ? " (none)" : " **LOST**")
			.append(".\n");
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
