import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The capacity report (bin/capacity, ADR 0023): runs the mixed scenarios at doubling numbers of users until the
 * service saturates or time runs out, samples resources during each step, finds the knee and writes
 * target/capacity/index.html. Run as a source program by bin/capacity, which starts the service and passes its ports.
 */
public class Capacity {

	public static void main(String[] args) throws Exception {
		Map<String, String> a = new HashMap<>();
		for (String arg : args) {
			int eq = arg.indexOf('=');
			a.put(arg.substring(2, eq), arg.substring(eq + 1));
		}
		String base = a.get("base");
		String jdbc = a.getOrDefault("jdbc", "");
		int cores = Runtime.getRuntime().availableProcessors();
		int stepSeconds = Integer.parseInt(a.getOrDefault("step-seconds", "30"));
		int maxUsers = Integer.parseInt(a.getOrDefault("max-users", "2560"));
		long budget = Long.parseLong(a.getOrDefault("max-seconds", "600")) * 1_000_000_000L;
		Sampler sampler = new Sampler(base, a.get("scrape-token"), Long.parseLong(a.getOrDefault("service-pid", "0")),
				a.containsKey("pg-data") ? Path.of(a.get("pg-data")) : null, jdbc);
		long[] sizeBefore = database(jdbc);
		long start = System.nanoTime();
		List<Step> steps = new ArrayList<>();
		for (int users = Integer.parseInt(a.getOrDefault("start-users", "10")); users <= maxUsers; users *= 2) {
			long elapsed = System.nanoTime() - start;
			if (elapsed > budget) {
				System.out.printf("== Time budget spent (%d s): stopping the ramp%n", elapsed / 1_000_000_000L);
				break;
			}
			System.out.printf("== Step %d: %d users for %d s (%d s into the ramp)%n", steps.size() + 1, users,
					stepSeconds, elapsed / 1_000_000_000L);
			Step step = Step.run(command(a, users, stepSeconds), users, sampler);
			steps.add(step);
			System.out.printf("   %d users: %.1f req/s, p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, %.2f%% errors;"
					+ " CPU machine %.2f/%d cores, service %.2f, PostgreSQL %.2f; Hikari %.1f active %.1f pending;"
					+ " lock waits %.2f; GC %.1f%% (-1: not measured)%n", users, step.rps(), step.p50(), step.p95(), step.p99(),
					step.errorPercent(), step.usage().machineCores(), cores, step.usage().serviceCores(),
					step.usage().postgresCores(), step.usage().hikariActive(), step.usage().hikariPending(),
					step.usage().lockWaits(), 100 * step.usage().gcPauseShare());
			String why = Knee.reason(step, steps.size() < 2 ? null : steps.get(steps.size() - 2));
			if (why != null) {
				System.out.printf("== Saturated at %d users: %s%n", users, why);
				break;
			}
		}
		long[] sizeAfter = database(jdbc);
		long requests = steps.stream().mapToLong(Step::requests).sum();
		double bytesPerRequest = sizeBefore[0] < 0 || requests == 0 ? 0
				: (double) (sizeAfter[0] - sizeBefore[0]) / requests;
		Knee knee = Knee.of(steps, cores);
		Projection projection = Projection.of(knee, steps, cores, bytesPerRequest);
		String context = "Measured %s against %s on %d cores shared by the service, its PostgreSQL and Gatling; load average before: %s, after: %s. %d steps of %d s, mixed scenarios (customers 60%%, merchants 15%%, drivers 20%%, operators 5%%); %d orders in the database at the end."
			.formatted(java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), base, cores,
					a.getOrDefault("load-before", "?"), loadAverage(), steps.size(), stepSeconds, sizeAfter[1]);
		Path index = Report.write(Path.of(a.getOrDefault("out", "target/capacity")), steps, knee, projection, context);
		System.out.println();
		System.out.println(knee.knee() == null ? "Knee: no step within the targets"
				: "Knee: %d users, %.1f req/s (p95 %.0f ms); saturation: %s".formatted(knee.knee().users(),
						knee.knee().rps(), knee.knee().p95(), knee.why()));
		System.out.println("Saturated resource: " + knee.resource());
		knee.resources().forEach(r -> System.out.println("  " + r));
		System.out.printf("Projection: 10,000 req/min needs %d node(s) of %d cores; 20,000 users of this mix (%.0f req/s)"
				+ " need %d nodes; PostgreSQL %.1f cores; database grows %.1f GB per 30 days%n", projection.nodes(),
				cores, projection.usersRps(), projection.usersNodes(), projection.dbCores(), projection.dbGbPerMonth());
		System.out.printf("By CPU actually used (%.0f req/s per core of service + PostgreSQL): 10,000 req/min needs %.1f"
				+ " cores, 20,000 users %.0f cores%n", projection.rpsPerCore(), projection.coresFor(projection.targetRps()),
				projection.coresFor(projection.usersRps()));
		System.out.println("Report: " + index.toAbsolutePath());
	}

	private static List<String> command(Map<String, String> a, int users, int seconds) {
		return List.of("./mvnw", "-B", "-q", "-f", "load/pom.xml", "gatling:test",
				"-Dsimulation=com.returnit.load.MixedSimulation", "-Dprofile=step", "-Drate=" + users,
				"-Dseconds=" + seconds, "-Dgatling.failOnError=false", "-Dbase=" + a.get("base"),
				"-Dseed=" + a.get("seed-file"), "-DadminEmail=" + a.get("admin-email"),
				"-DadminPassword=" + a.get("admin-password"));
	}

	/** Database size in bytes and orders, or -1 without a database URL. */
	private static long[] database(String jdbc) {
		if (jdbc.isBlank()) {
			return new long[] { -1, -1 };
		}
		try (Connection db = DriverManager.getConnection(jdbc, "postgres", "postgres");
				ResultSet rs = db.createStatement().executeQuery(
						"SELECT pg_database_size(current_database()), (SELECT count(*) FROM orders)")) {
			rs.next();
			return new long[] { rs.getLong(1), rs.getLong(2) };
		}
		catch (Exception e) {
			System.out.println("   (database not readable: " + e.getMessage() + ")");
			return new long[] { -1, -1 };
		}
	}

	private static String loadAverage() {
		try {
			return java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (Exception e) {
			return "?";
		}
	}
}
