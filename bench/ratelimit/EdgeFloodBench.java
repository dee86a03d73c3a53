import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Does the load balancer keep one customer's unpaced flood from slowing the others (ADR 0029)? On the cluster of
 * bin/cluster, quiet customers call GET /v1/orders through haproxy at a steady pace below their limit: alone (the
 * reference), then while one customer, already over its limit, floods as fast as wrk can send, first with haproxy's
 * edge limit off (every request reaches a node, which refuses it with its own 429), then with it on (haproxy refuses
 * it), and alone again (how far the shared machine drifted meanwhile). Reuses {@link RateLimitBench}'s customers,
 * phases and wrk burst; adds the CPU the nodes and haproxy spent in each phase, read from /proc, so that the cost of a
 * refusal shows where it is paid.
 *
 * <p>Arguments: balancer URL, cluster directory (pid files), quiet clients, requests per second per quiet client, flood
 * connections, seconds per phase, result file, the command that turns the edge limit off, the one that turns it on.
 */
public class EdgeFloodBench {

	/** A phase's quiet latencies and flood answers, with the CPU seconds the nodes and haproxy used meanwhile. */
	record Measured(RateLimitBench.Phase phase, long edgeRefused, long floodOther, double nodeCpu, double haproxyCpu) {
	}

	public static void main(String[] args) throws Exception {
		String base = args[0];
		Path cluster = Path.of(args[1]);
		int quiet = Integer.parseInt(args[2]);
		double perSecond = Double.parseDouble(args[3]);
		int connections = Integer.parseInt(args[4]);
		int seconds = Integer.parseInt(args[5]);
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i <= quiet; i++) {
			tokens.add(RateLimitBench.customer(base));
		}
		String flooder = tokens.removeLast();
		RateLimitBench.warmUp(base, tokens);
		int spent = 0;
		while (spent < 10_000 && RateLimitBench.get(base, flooder) != 429) {
			spent++;
		}
		if (spent == 10_000) {
			throw new IllegalStateException("10,000 requests and no 429: the service's own rate limits are off");
		}
		shell(args[7]);
		int warmup = Integer.getInteger("warmup", 60);
		System.out.printf("warming up for %d s (quiet customers and the flood, edge limit off; not measured)%n", warmup);
		RateLimitBench.run(base, tokens, perSecond, flooder, connections, warmup);
		System.out.printf("measuring %d s alone, %d s flooded with the edge limit off, %d s with it on, %d s alone again%n",
				seconds, seconds, seconds, seconds);
		Measured alone = measure(cluster, () -> RateLimitBench.run(base, tokens, perSecond, null, connections, seconds));
		Measured nodes = measure(cluster, () -> RateLimitBench.run(base, tokens, perSecond, flooder, connections, seconds));
		shell(args[8]);
		Thread.sleep(2000); // the reloaded haproxy takes over; the old one closes the idle connections
		Measured edge = measure(cluster, () -> RateLimitBench.run(base, tokens, perSecond, flooder, connections, seconds));
		// while the flooder's rate of the last 10 s is still far over the limit
		List<EdgeChecks.Check> checks = List.of(EdgeChecks.refusal(base, flooder), EdgeChecks.streamUpgrade(base, flooder));
		Measured again = measure(cluster, () -> RateLimitBench.run(base, tokens, perSecond, null, connections, seconds));
		String result = report(List.of(alone, nodes, edge, again), checks, connections, seconds);
		System.out.println(result);
		Files.writeString(Path.of(args[6]), result);
	}

	/** Phases in the order alone, flooded with the edge limit off, flooded with it on, alone again. */
	static String report(List<Measured> phases, List<EdgeChecks.Check> checks, int connections, int seconds) {
		Measured alone = phases.get(0);
		Measured nodes = phases.get(1);
		Measured edge = phases.get(2);
		double p50 = ratio(edge, alone, 50);
		double p99 = ratio(edge, alone, 99);
		boolean pass = p50 <= 1.5 && p99 <= 1.5 && edge.phase().quiet429() == 0
				&& checks.stream().allMatch(EdgeChecks.Check::ok);
		List<String> names = List.of("alone (reference)", "flooded, edge limit off", "flooded, edge limit on", "alone again");
		StringBuilder table = new StringBuilder("""
				| phase | quiet requests | quiet p50 ms | quiet p95 ms | quiet p99 ms | quiet 429s | flood requests/s | flood 429 share | refused by haproxy | flood other answers | nodes' CPU s | haproxy CPU s |
				| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
				""");
		for (int i = 0; i < phases.size(); i++) {
			table.append("| ").append(row(phases.get(i), names.get(i), seconds)).append(" |\n");
		}
		table.append('\n');
		for (EdgeChecks.Check check : checks) {
			table.append(check.ok() ? "ok: " : "FAIL: ").append(check.line()).append("  \n");
		}
		return table + """

				Ratio quiet latency flooded / alone: edge limit off p50 %.2f, p99 %.2f; **edge limit on p50 %.2f, p99 %.2f**
				(drift of the machine: alone again / alone p50 %.2f, p99 %.2f).
				The flood: %s on %d connections (wrk). CPU per flood request: the nodes %s with the edge limit off, %s
				with it on; haproxy %s with it on.
				VERDICT: %s (aim: with the edge limit on, quiet p50 and p99 at most 1.5 times the reference, no quiet 429;
				the edge's answer problem+json with Retry-After; the stream's upgrade not refused by the edge).
				""".formatted(ratio(nodes, alone, 50), ratio(nodes, alone, 99), p50, p99, ratio(phases.get(3), alone, 50),
				ratio(phases.get(3), alone, 99), Integer.getInteger("burst.rate", 0) <= 0 ? "as fast as the machine answers"
						: "paced to about " + Integer.getInteger("burst.rate", 0) + " requests/s", connections,
				perRequest(nodes.nodeCpu() - alone.nodeCpu(), nodes),
				perRequest(edge.nodeCpu() - alone.nodeCpu(), edge), perRequest(edge.haproxyCpu() - alone.haproxyCpu(), edge),
				pass ? "PASS" : "FAIL");
	}

	private static double ratio(Measured flooded, Measured alone, int percentile) {
		return (double) flooded.phase().p(percentile) / alone.phase().p(percentile);
	}

	private static String row(Measured m, String name, int seconds) {
		boolean flooded = m.phase().burstRequests() > 0;
		return "%s | %s | %s | %.1f | %.1f".formatted(m.phase().row(name, seconds),
				flooded ? "%.1f %%".formatted(100.0 * m.edgeRefused() / m.phase().burstRequests()) : "-",
				flooded ? String.valueOf(m.floodOther()) : "-", m.nodeCpu(), m.haproxyCpu());
	}

	/** CPU seconds above the reference's, per flood request. */
	private static String perRequest(double cpuSeconds, Measured flooded) {
		long requests = flooded.phase().burstRequests();
		return requests == 0 ? "-" : "%.3f ms".formatted(Math.max(0, cpuSeconds) * 1000 / requests);
	}

	interface PhaseRun {

		RateLimitBench.Phase run() throws Exception;
	}

	static Measured measure(Path cluster, PhaseRun phase) throws Exception {
		List<Long> nodes = nodePids(cluster);
		long haproxy = pid(cluster.resolve("haproxy.pid"));
		double nodesBefore = cpu(nodes);
		double haproxyBefore = cpu(List.of(haproxy));
		RateLimitBench.burstEdge.set(0);
		RateLimitBench.burstOther.set(0);
		var measured = phase.run();
		return new Measured(measured, RateLimitBench.burstEdge.get(), RateLimitBench.burstOther.get(),
				cpu(nodes) - nodesBefore, cpu(List.of(haproxy)) - haproxyBefore);
	}

	private static List<Long> nodePids(Path cluster) throws Exception {
		try (var files = Files.list(cluster)) {
			return files.filter(f -> f.getFileName().toString().matches("node\\d+\\.pid")).map(EdgeFloodBench::pid).toList();
		}
	}

	private static long pid(Path file) {
		try {
			return Long.parseLong(Files.readAllLines(file).getFirst().strip());
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	/** User + system CPU seconds of the processes so far (/proc/PID/stat, fields 14 and 15, at 100 ticks a second). */
	static double cpu(List<Long> pids) throws Exception {
		double seconds = 0;
		for (long pid : pids) {
			String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			seconds += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
		}
		return seconds;
	}

	static void shell(String command) throws Exception {
		Process process = new ProcessBuilder("bash", "-c", command).inheritIO().start();
		if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException("failed: " + command);
		}
	}
}
