import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Booking benchmark: HTTP bookings at saturation, the same writes as raw JDBC, then HTTP at half the saturated
 * rate. Run by {@code bench/booking/run.sh}, which starts the service and passes its ports.
 */
public class BookingBench {

	/** Everything the run is told; durations in seconds. */
	record Options(String base, String jdbcUrl, String adminEmail, String adminPassword, int clients, int customers,
			double warmup, double duration, double halfDuration, Path results, String loadBefore, long servicePid,
			Path pgData) {

		static Options parse(String[] args) {
			Map<String, String> a = new HashMap<>();
			for (String arg : args) {
				int eq = arg.indexOf('=');
				a.put(arg.substring(2, eq), arg.substring(eq + 1));
			}
			int clients = Integer.parseInt(a.getOrDefault("clients", "16"));
			return new Options(a.get("base"), a.get("jdbc"), a.get("admin-email"), a.get("admin-password"), clients,
					Integer.parseInt(a.getOrDefault("customers", String.valueOf(clients))),
					Double.parseDouble(a.getOrDefault("warmup", "180")),
					Double.parseDouble(a.getOrDefault("duration", "20")),
					Double.parseDouble(a.getOrDefault("half-duration", "15")),
					Path.of(a.getOrDefault("results", "bench/booking/results")), a.getOrDefault("load-before", "?"),
					Long.parseLong(a.get("service-pid")), Path.of(a.get("pg-data")));
		}
	}

	/** One phase: its latencies and throughput, and what it cost the database per booking. */
	record Phase(Latencies.Summary latency, String database) {
	}

	public static void main(String[] args) throws Exception {
		Options o = Options.parse(args);
		Api api = new Api(o.base());
		CpuMeter cpu = new CpuMeter(o.servicePid(), o.pgData());
		System.out.printf("Setup through the API (%s):%n", o.base());
		Api.Setup setup = api.setUp(o.adminEmail(), o.adminPassword(), o.customers());

		System.out.printf("%nPhase 1/3 HTTP: %d clients, %.0f s warm-up, %.0f s measured%n", o.clients(), o.warmup(),
				o.duration());
		HttpLoad http = new HttpLoad(api, setup, cpu);
		DbCounters.Reading before = DbCounters.read(o.jdbcUrl());
		Latencies.Summary saturated = http.saturate(o.clients(), o.warmup(), o.duration());
		Phase httpPhase = new Phase(saturated, DbCounters.perBooking(before, DbCounters.read(o.jdbcUrl()), http.sent()));
		Report.line(httpPhase);

		// the service's JIT needs the long warm-up, a plain JDBC client does not
		double rawWarmup = Math.min(o.warmup(), 10);
		System.out.printf("%nPhase 2/3 raw JDBC on the same PostgreSQL (%s): %d connections, %.0f s warm-up, %.0f s"
				+ " measured%n", o.jdbcUrl(), o.clients(), rawWarmup, o.duration());
		String pgSettings = RawLoad.settings(o.jdbcUrl());
		System.out.printf("  PostgreSQL: %s%n", pgSettings);
		RawLoad raw = new RawLoad(o.jdbcUrl(), RawLoad.sample(o.jdbcUrl()), setup.customerIds(), cpu);
		before = DbCounters.read(o.jdbcUrl());
		Latencies.Summary rawSummary = raw.run(o.clients(), rawWarmup, o.duration());
		Phase rawPhase = new Phase(rawSummary, DbCounters.perBooking(before, DbCounters.read(o.jdbcUrl()), raw.sent()));
		Report.line(rawPhase);

		double halfRate = saturated.perSecond() / 2;
		System.out.printf("%nPhase 3/3 HTTP open model: %.1f bookings/s (half of %.1f) for %.0f s%n", halfRate,
				saturated.perSecond(), o.halfDuration());
		long sentBefore = http.sent();
		before = DbCounters.read(o.jdbcUrl());
		Latencies.Summary half = http.fixedRate(halfRate, o.halfDuration());
		Phase halfPhase = new Phase(half,
				DbCounters.perBooking(before, DbCounters.read(o.jdbcUrl()), http.sent() - sentBefore));
		Report.line(halfPhase);

		Report report = new Report(o, httpPhase, rawPhase, halfPhase, pgSettings);
		report.print();
		report.write();
		boolean clean = saturated.errors() == 0 && rawSummary.errors() == 0 && half.errors() == 0;
		System.exit(clean ? 0 : 1);
	}
}
