import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The numbers, the aims, and the same as a markdown table and an SVG chart under the results directory. */
final class Report {

	static final double RATIO_AIM = 0.5;
	static final double HALF_LOAD_P99_AIM_MS = 50;

	static final String RAW_DESCRIPTION = """
			Raw reference: C plain JDBC connections (pgjdbc, no pool, no Spring) to the service's own embedded \
			PostgreSQL, statements prepared once per connection, autocommit off. Per booking, ONE transaction: \
			(1) INSERT INTO idempotency_keys ... 'in_flight' ON CONFLICT DO NOTHING (the claim), \
			(2) INSERT INTO orders with the same 19 columns and the items jsonb copied from an order the HTTP phase \
			stored, (3) only when the HTTP booking stored an event publication (before ADR 53): INSERT INTO \
			event_publication with the listener id, event type and serialized OrderScheduled copied from the \
			registry's own row (fresh order id), (4) UPDATE idempotency_keys SET status 'completed' with the stored \
			201 response body, then COMMIT. Not included: the reads the service makes (merchant, hubs, policy, \
			service areas, the customer's contact), JWT checks, JSON, validation, and the other rows the HTTP \
			booking writes in its transaction since ADR 53 (timeline, stream event, webhook event and its sequence, \
			the customer's message, the dispatch job) or, before it, after its commit through the registry; the \
			database lines above count them. The reference is therefore lighter than the HTTP path's writes.""";

	private final BookingBench.Options options;
	private final BookingBench.Phase httpPhase;
	private final BookingBench.Phase rawPhase;
	private final BookingBench.Phase halfPhase;
	private final Latencies.Summary http;
	private final Latencies.Summary raw;
	private final Latencies.Summary half;
	private final String machine;
	private final String pgSettings;
	private final String load;

	Report(BookingBench.Options options, BookingBench.Phase http, BookingBench.Phase raw, BookingBench.Phase half,
			String pgSettings) {
		this.options = options;
		this.httpPhase = http;
		this.rawPhase = raw;
		this.halfPhase = half;
		this.http = http.latency();
		this.raw = raw.latency();
		this.half = half.latency();
		this.machine = Runtime.getRuntime().availableProcessors() + " cores, " + cpuModel() + ", "
				+ Runtime.version();
		this.pgSettings = pgSettings;
		this.load = "load average " + options.loadBefore() + " before the run, " + loadNow() + " after";
	}

	static void line(BookingBench.Phase phase) {
		Latencies.Summary s = phase.latency();
		System.out.printf(Locale.ROOT,
				"  %s: %,d ok, %d errors in %.1f s = %.1f bookings/s; p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
				s.name(), s.ok(), s.errors(), s.seconds(), s.perSecond(), s.p50(), s.p90(), s.p99(), s.max());
		s.errorSamples().forEach((kind, sample) -> System.out.printf("    ERROR %s: %s%n", kind, sample));
		if (s.cpu() != null) {
			System.out.printf("  %s%n", s.cpu().describe());
		}
		System.out.printf("  database %s%n", phase.database());
	}

	double ratio() {
		return http.perSecond() / raw.perSecond();
	}

	void print() {
		System.out.printf("%n== Results: %s; %d clients ==%n", machine, options.clients());
		System.out.printf("%-34s %11s %8s %8s %7s%n", "", "bookings/s", "p50 ms", "p99 ms", "errors");
		for (Latencies.Summary s : List.of(http, raw, half)) {
			System.out.printf(Locale.ROOT, "%-34s %11.1f %8.1f %8.1f %7d%n", s.name(), s.perSecond(), s.p50(),
					s.p99(), s.errors());
		}
		System.out.printf(Locale.ROOT, "%nratio HTTP/raw     %.2f   aim >= %.1f       %s%n", ratio(), RATIO_AIM,
				verdict(ratio() >= RATIO_AIM));
		System.out.printf(Locale.ROOT, "p99 at half load   %.1f ms aim <= %.0f ms    %s (p50 %.1f ms at %.1f/s)%n",
				half.p99(), HALF_LOAD_P99_AIM_MS, verdict(half.p99() <= HALF_LOAD_P99_AIM_MS), half.p50(),
				half.perSecond());
		System.out.printf("%s; PostgreSQL %s%n", load, pgSettings);
		System.out.printf("%n%s%n", RAW_DESCRIPTION);
	}

	void write() throws IOException {
		Files.createDirectories(options.results());
		Path md = options.results().resolve("booking.md");
		Path svg = options.results().resolve("booking.svg");
		Files.writeString(md, markdown());
		Files.writeString(svg, Chart.svg(http, raw, half, options.clients(), HALF_LOAD_P99_AIM_MS));
		System.out.printf("%nWrote %s and %s%n", md, svg);
	}

	private String markdown() {
		StringBuilder out = new StringBuilder();
		out.append("# Booking benchmark: results\n\n");
		out.append("Run ").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
			.append(" on ").append(machine).append("; ").append(options.clients()).append(" concurrent clients, ")
			.append(fmt(options.warmup())).append(" s warm-up + ").append(fmt(options.duration()))
			.append(" s measured per saturated phase, ").append(fmt(options.halfDuration()))
			.append(" s at half rate. Command: `bench/booking/run.sh`.\n\n")
			.append("Machine state: ").append(load).append(". PostgreSQL: ").append(pgSettings).append(".\n\n");
		out.append("| phase | bookings/s | p50 ms | p90 ms | p99 ms | max ms | ok | errors |\n");
		out.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
		for (Latencies.Summary s : List.of(http, raw, half)) {
			out.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f | %.1f | %d | %d |%n", s.name(),
					s.perSecond(), s.p50(), s.p90(), s.p99(), s.max(), s.ok(), s.errors()));
		}
		out.append("\nWhere the CPU went (ms per booking over the measured window; \"other\" is every other process in"
				+ " this VM; \"stolen\" is CPU the hypervisor withheld from the VM; the JIT compiler's"
				+ " share is a node still warming up, which a node that has run for a while no longer pays) and what"
				+ " PostgreSQL counted per booking (pg_stat_database, whole phase):\n\n");
		out.append("| phase | service JVM | of which JIT compiler | of which GC | service without JIT | PostgreSQL | client"
				+ " | other | cores busy | cores stolen | database |\n");
		out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
		for (BookingBench.Phase p : List.of(httpPhase, rawPhase, halfPhase)) {
			CpuMeter.Usage u = p.latency().cpu();
			out.append(u == null
					? String.format("| %s | ? | ? | ? | ? | ? | ? | ? | ? | ? | %s |%n", p.latency().name(), p.database())
					: String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %s |%n",
							p.latency().name(), u.serviceMs(), u.jitMs(), u.gcMs(), u.serviceWithoutJitMs(),
							u.postgresMs(), u.clientMs(), u.otherMs(), u.busyCores(), u.stealCores(), p.database()));
		}
		for (BookingBench.Phase p : List.of(httpPhase, rawPhase, halfPhase)) {
			CpuMeter.Usage u = p.latency().cpu();
			if (u != null && !u.topOthers().isEmpty()) {
				out.append("\nBusiest other processes during ").append(p.latency().name()).append(": ")
					.append(u.topOthers()).append(".\n");
			}
		}
		out.append("\n| aim | measured | verdict |\n|---|---:|---|\n");
		out.append(String.format(Locale.ROOT, "| HTTP/raw throughput ratio >= %.1f | %.2f | %s |%n", RATIO_AIM, ratio(),
				verdict(ratio() >= RATIO_AIM)));
		out.append(String.format(Locale.ROOT, "| p99 <= %.0f ms at half the saturated rate | %.1f ms | %s |%n",
				HALF_LOAD_P99_AIM_MS, half.p99(), verdict(half.p99() <= HALF_LOAD_P99_AIM_MS)));
		out.append("\n").append(RAW_DESCRIPTION).append("\n\n![chart](booking.svg)\n");
		return out.toString();
	}

	private static String verdict(boolean met) {
		return met ? "PASS" : "MISS";
	}

	private static String fmt(double seconds) {
		return seconds == Math.rint(seconds) ? String.valueOf((long) seconds) : String.valueOf(seconds);
	}

	private static String loadNow() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (IOException e) {
			return "?";
		}
	}

	private static String cpuModel() {
		try {
			return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
				.filter(l -> l.startsWith("model name"))
				.map(l -> l.substring(l.indexOf(':') + 1).trim())
				.findFirst().orElse("unknown CPU");
		}
		catch (IOException e) {
			return "unknown CPU";
		}
	}
}
