import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time from /proc: the machine as a whole, the service JVM, its PostgreSQL (postmaster, live backends and the
 * backends that already exited) and this client, so each phase can say who spent the CPU, whether other
 * processes on the machine took some of it, and how much the hypervisor withheld from this VM (steal).
 */
final class CpuMeter {

	/** Cumulative CPU seconds at one moment. */
	record Reading(long nanos, double machineBusy, double steal, double service, double postgres, double client,
			Map<Long, Process> others, ServiceThreads threads) {
	}

	/**
	 * The service's CPU seconds by kind of thread, from /proc/PID/task: HotSpot's JIT compiler threads, its garbage
	 * collector's threads, and the rest (request, listener and worker threads, and everything else). A thread that
	 * ended between two readings is missing from both kinds it could have been in, so its CPU lands in "the rest":
	 * the split never understates the application's share.
	 */
	record ServiceThreads(double jit, double gc) {
	}

	/** Another process: its name and CPU seconds. */
	record Process(String name, double seconds) {
	}

	/** CPU per booking (ms) and machine use over one phase. */
	record Usage(double seconds, double busyCores, double stealCores, double serviceMs, double postgresMs,
			double clientMs, double otherMs, String topOthers, double jitMs, double gcMs) {

		/** The service's CPU without its JIT compiler's: what a booking costs a node that has warmed up. */
		double serviceWithoutJitMs() {
			return serviceMs - jitMs;
		}

		String describe() {
			return String.format(java.util.Locale.ROOT,
					"CPU per booking: service %.2f ms (JIT compiler %.2f, GC %.2f, the rest %.2f), PostgreSQL %.2f ms,"
							+ " client %.2f ms, other processes %.2f ms;"
							+ " machine busy %.2f of %d cores, %.2f cores stolen by the hypervisor%s",
					serviceMs, jitMs, gcMs, serviceMs - jitMs - gcMs, postgresMs, clientMs, otherMs, busyCores,
					Runtime.getRuntime().availableProcessors(), stealCores,
					topOthers.isEmpty() ? "" : "; busiest others: " + topOthers);
		}
	}

	private static final double TICK = 100.0;

	private final long servicePid;
	private final Path postmasterPidFile;

	CpuMeter(long servicePid, Path pgData) {
		this.servicePid = servicePid;
		this.postmasterPidFile = pgData.resolve("postmaster.pid");
	}

	Reading read() {
		try {
			String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
			// user nice system idle iowait irq softirq steal: busy is what this VM ran, steal what the host withheld
			double busy = 0;
			for (int i : new int[] { 1, 2, 3, 6, 7 }) {
				busy += Long.parseLong(cpu[i]);
			}
			double steal = Long.parseLong(cpu[8]);
			long postmaster = Long.parseLong(Files.readAllLines(postmasterPidFile).getFirst().trim());
			long client = ProcessHandle.current().pid();
			Map<Long, Process> others = new HashMap<>();
			double pg = seconds(postmaster, true) + children(postmaster, servicePid, client, others);
			return new Reading(System.nanoTime(), busy / TICK, steal / TICK, seconds(servicePid, false), pg,
					seconds(client, false), others, threads(servicePid));
		}
		catch (IOException | RuntimeException e) {
			return null;
		}
	}

	/** Reads at {@code from} and at {@code to} (System.nanoTime), on a thread of its own. */
	Window window(long from, long to) {
		return new Window(this, from, to);
	}

	/** The readings at both ends of a measured window. */
	static final class Window {

		private final Thread thread;
		private volatile Reading first;
		private volatile Reading last;

		private Window(CpuMeter meter, long from, long to) {
			thread = Thread.ofPlatform().daemon().start(() -> {
				try {
					sleepUntil(from);
					first = meter.read();
					sleepUntil(to);
					last = meter.read();
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			});
		}

		/** Waits for the closing reading, e.g. to keep connections (and their backends' CPU) alive until then. */
		void awaitLast() throws InterruptedException {
			thread.join();
		}

		Usage usage(long bookings) throws InterruptedException {
			thread.join();
			return between(first, last, bookings);
		}

		private static void sleepUntil(long at) throws InterruptedException {
			long wait = at - System.nanoTime();
			if (wait > 0) {
				java.util.concurrent.TimeUnit.NANOSECONDS.sleep(wait);
			}
		}
	}

	static Usage between(Reading a, Reading b, long bookings) {
		if (a == null || b == null || bookings == 0) {
			return null;
		}
		double seconds = (b.nanos() - a.nanos()) / 1e9;
		double service = b.service() - a.service();
		double pg = b.postgres() - a.postgres();
		double client = b.client() - a.client();
		double busy = b.machineBusy() - a.machineBusy();
		double perBooking = 1000.0 / bookings;
		String top = b.others().entrySet().stream()
			.filter(e -> a.others().containsKey(e.getKey()))
			.map(e -> new Process(e.getValue().name() + " " + e.getKey(),
					e.getValue().seconds() - a.others().get(e.getKey()).seconds()))
			.filter(p -> p.seconds() / seconds >= 0.05)
			.sorted(Comparator.comparingDouble(Process::seconds).reversed())
			.limit(3)
			.map(p -> String.format(java.util.Locale.ROOT, "%s %.2f cores", p.name(), p.seconds() / seconds))
			.collect(Collectors.joining(", "));
		return new Usage(seconds, busy / seconds, (b.steal() - a.steal()) / seconds, service * perBooking,
				pg * perBooking, client * perBooking, Math.max(0, busy - service - pg - client) * perBooking, top,
				Math.max(0, b.threads().jit() - a.threads().jit()) * perBooking,
				Math.max(0, b.threads().gc() - a.threads().gc()) * perBooking);
	}

	/**
	 * CPU seconds of the service's live JIT compiler threads ("C1 CompilerThre", "C2 CompilerThre") and GC threads
	 * (G1's "GC Thread#n", "G1 Conc#n", "G1 Refine#n", "G1 Main Marker", "G1 Service"), read per task.
	 */
	private static ServiceThreads threads(long pid) throws IOException {
		double jit = 0;
		double gc = 0;
		try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
			for (Path task : (Iterable<Path>) tasks::iterator) {
				String name;
				String[] f;
				try {
					name = Files.readString(task.resolve("comm")).trim();
					String s = Files.readString(task.resolve("stat"));
					f = s.substring(s.lastIndexOf(')') + 2).split(" ");
				}
				catch (IOException e) {
					continue; // the thread ended while we looked
				}
				double cpu = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICK;
				if (name.contains("CompilerThre")) {
					jit += cpu;
				}
				else if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
					gc += cpu;
				}
			}
		}
		return new ServiceThreads(jit, gc);
	}

	/** CPU of the postmaster's live children; every process that is not ours goes into {@code others}. */
	private static double children(long parent, long service, long client, Map<Long, Process> others)
			throws IOException {
		double sum = 0;
		try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
			for (Path p : (Iterable<Path>) procs::iterator) {
				String name = p.getFileName().toString();
				if (!name.chars().allMatch(Character::isDigit)) {
					continue;
				}
				long pid = Long.parseLong(name);
				String[] f = stat(pid);
				if (f == null || pid == service || pid == client || pid == parent) {
					continue;
				}
				double cpu = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICK;
				if (Long.parseLong(f[1]) == parent) {
					sum += cpu;
				}
				else {
					others.put(pid, new Process(comm(pid), cpu));
				}
			}
		}
		return sum;
	}

	private static String comm(long pid) {
		try {
			return Files.readString(Path.of("/proc", String.valueOf(pid), "comm")).trim();
		}
		catch (IOException e) {
			return "?";
		}
	}

	/** utime + stime, and with {@code reaped} also the CPU of children it has waited for. */
	private static double seconds(long pid, boolean reaped) {
		String[] f = stat(pid);
		if (f == null) {
			return 0;
		}
		long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
		if (reaped) {
			ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
		}
		return ticks / TICK;
	}

	/** The fields of /proc/PID/stat after the command name: [0] state, [1] ppid, ... [11] utime, [12] stime. */
	private static String[] stat(long pid) {
		try {
			String s = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
			return s.substring(s.lastIndexOf(')') + 2).split(" ");
		}
		catch (IOException e) {
			return null;
		}
	}
}
