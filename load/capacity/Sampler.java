import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Samples what can saturate while a step runs, every two seconds: CPU of the machine, of the service JVM and of its
 * PostgreSQL (from /proc), Hikari active/pending/max and GC pause time (from /actuator/prometheus with the scrape
 * token), and sessions waiting on a lock (pg_stat_activity).
 */
final class Sampler {

	/** One sample; CPU as cumulative seconds, the rest as read at that moment (-1: not available). */
	record Sample(long nanos, double machineBusy, double machineTotal, double service, double postgres,
			double hikariActive, double hikariPending, double hikariMax, double gcPauseSeconds, double lockWaits) {
	}

	/** Averages over one step. */
	record Usage(double machineCores, double serviceCores, double postgresCores, double hikariActive,
			double hikariPending, double hikariMax, double gcPauseShare, double lockWaits) {
	}

	private static final double TICK = 100.0;

	private final String base;

	private final String scrapeToken;

	private final long servicePid;

	private final Path postmasterPidFile;

	private final String jdbcUrl;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final List<Sample> samples = new ArrayList<>();

	private volatile boolean running;

	private Thread thread;

	Sampler(String base, String scrapeToken, long servicePid, Path pgData, String jdbcUrl) {
		this.base = base;
		this.scrapeToken = scrapeToken;
		this.servicePid = servicePid;
		this.postmasterPidFile = pgData == null ? null : pgData.resolve("postmaster.pid");
		this.jdbcUrl = jdbcUrl;
	}

	void start() {
		synchronized (samples) {
			samples.clear();
		}
		running = true;
		thread = Thread.ofPlatform().daemon().start(() -> {
			while (running) {
				Sample s = sample();
				synchronized (samples) {
					samples.add(s);
				}
				try {
					Thread.sleep(2_000);
				}
				catch (InterruptedException e) {
					return;
				}
			}
		});
	}

	Usage stop() throws InterruptedException {
		running = false;
		thread.interrupt();
		thread.join();
		List<Sample> all;
		synchronized (samples) {
			all = List.copyOf(samples);
		}
		if (all.size() < 2) {
			return new Usage(-1, -1, -1, -1, -1, -1, -1, -1);
		}
		Sample first = all.getFirst();
		Sample last = all.getLast();
		double seconds = (last.nanos() - first.nanos()) / 1e9;
		return new Usage((last.machineBusy() - first.machineBusy()) / seconds,
				rate(first.service(), last.service(), seconds), rate(first.postgres(), last.postgres(), seconds),
				average(all, Sample::hikariActive), average(all, Sample::hikariPending), last.hikariMax(),
				gcShare(all), 
				average(all, Sample::lockWaits));
	}

	/** Share of the time in GC pauses between the first and last sample that read the metric. */
	private static double gcShare(List<Sample> all) {
		List<Sample> read = all.stream().filter(s -> s.gcPauseSeconds() >= 0).toList();
		if (read.size() < 2) {
			return -1;
		}
		double seconds = (read.getLast().nanos() - read.getFirst().nanos()) / 1e9;
		return (read.getLast().gcPauseSeconds() - read.getFirst().gcPauseSeconds()) / seconds;
	}

	private static double rate(double from, double to, double seconds) {
		return from < 0 || to < 0 ? -1 : (to - from) / seconds;
	}

	private static double average(List<Sample> all, java.util.function.ToDoubleFunction<Sample> value) {
		return all.stream().mapToDouble(value).filter(v -> v >= 0).average().orElse(-1);
	}

	private Sample sample() {
		double[] machine = machine();
		double[] prometheus = prometheus();
		return new Sample(System.nanoTime(), machine[0], machine[1], processSeconds(servicePid, false), postgres(),
				prometheus[0], prometheus[1], prometheus[2], prometheus[3], lockWaits());
	}

	/** Busy and total CPU seconds of the machine (user nice system irq softirq; plus idle iowait steal). */
	private static double[] machine() {
		try {
			String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
			double busy = 0;
			double total = 0;
			for (int i = 1; i <= 8; i++) {
				long v = Long.parseLong(cpu[i]);
				total += v;
				if (i != 4 && i != 5 && i != 8) {
					busy += v;
				}
			}
			return new double[] { busy / TICK, total / TICK };
		}
		catch (Exception e) {
			return new double[] { -1, -1 };
		}
	}

	/** utime + stime of a process in seconds; with {@code children}, also its reaped children's (exited backends). */
	static double processSeconds(long pid, boolean children) {
		if (pid <= 0) {
			return -1;
		}
		try {
			String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
			String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			double ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
			if (children) {
				ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
			}
			return ticks / TICK;
		}
		catch (Exception e) {
			return -1;
		}
	}

	/** The postmaster with its exited backends, plus every live backend (a process whose parent it is). */
	private double postgres() {
		if (postmasterPidFile == null) {
			return -1;
		}
		try {
			long postmaster = Long.parseLong(Files.readAllLines(postmasterPidFile).getFirst().trim());
			double total = processSeconds(postmaster, true);
			try (var procs = Files.list(Path.of("/proc"))) {
				for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
					long pid = Long.parseLong(p.getFileName().toString());
					if (ProcessHandle.of(pid).flatMap(ProcessHandle::parent).map(ProcessHandle::pid).orElse(-1L)
						== postmaster) {
						total += Math.max(0, processSeconds(pid, false));
					}
				}
			}
			return total;
		}
		catch (Exception e) {
			return -1;
		}
	}

	/** hikari active, pending, max and the JVM's total GC pause seconds, from the Prometheus scrape. */
	private double[] prometheus() {
		double[] values = { -1, -1, -1, -1 };
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))
				.timeout(Duration.ofSeconds(3)).header("Authorization", "Bearer " + scrapeToken).build();
			String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
			values[0] = sum(body, "hikaricp_connections_active{");
			values[1] = sum(body, "hikaricp_connections_pending{");
			values[2] = sum(body, "hikaricp_connections_max{");
			values[3] = sum(body, "jvm_gc_pause_seconds_sum{");
		}
		catch (Exception e) {
			// the scrape is best effort: a missing metric reads as -1 ("not measured")
		}
		return values;
	}

	private static double sum(String body, String prefix) {
		double total = -1;
		for (String line : body.split("\n")) {
			if (line.startsWith(prefix)) {
				total = Math.max(0, total) + Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
			}
		}
		return total;
	}

	private double lockWaits() {
		if (jdbcUrl == null || jdbcUrl.isBlank()) {
			return -1;
		}
		try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
				ResultSet rs = db.createStatement()
					.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")) {
			rs.next();
			return rs.getLong(1);
		}
		catch (Exception e) {
			return -1;
		}
	}
}
