import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/** Reads the drill's samples against the aims and prints a timeline, the numbers and PASS or FAIL. */
final class OutageVerdict {

	private final List<OutageDrill.Sample> api;
	private final List<OutageDrill.Sample> readiness;
	private final long stopping;
	private final long stopped;
	private final long back;
	private final long failFastMs;
	private boolean pass = true;

	OutageVerdict(List<OutageDrill.Sample> api, List<OutageDrill.Sample> readiness, long stopping, long stopped,
			long back, long failFastMs) {
		this.stopping = stopping;
		this.api = api.stream().sorted(Comparator.comparingLong(OutageDrill.Sample::at)).toList();
		this.readiness = readiness.stream().sorted(Comparator.comparingLong(OutageDrill.Sample::at)).toList();
		this.stopped = stopped;
		this.back = back;
		this.failFastMs = failFastMs;
	}

	boolean print() {
		timeline();
		List<OutageDrill.Sample> before = api.stream().filter(s -> s.at() + s.answer().nanos() < stopping).toList();
		List<OutageDrill.Sample> during = api.stream().filter(s -> s.at() >= stopped && s.at() < back).toList();
		check(before.stream().allMatch(OutageVerdict::ok), "before the outage: %d requests answered before the stop began, all 2xx", before.size());
		long wrong = during.stream().filter(s -> s.answer().status() != 503 && !ok(s)).count();
		long served = during.stream().filter(OutageVerdict::ok).count();
		check(!during.isEmpty() && wrong == 0, "during the outage: %d requests, %d answered 503, %d other "
				+ "(%d sent just before the database returned were served)", during.size(),
				during.size() - wrong - served, wrong, served);
		long notProblem = during.stream().filter(s -> s.answer().status() == 503)
			.filter(s -> !s.answer().contentType().startsWith("application/problem+json")
					|| s.answer().retryAfter().isEmpty())
			.count();
		check(notProblem == 0, "every 503 is problem+json with Retry-After (%d are not)", notProblem);
		double max = during.stream().mapToDouble(s -> s.answer().millis()).max().orElse(0);
		double[] sorted = during.stream().mapToDouble(s -> s.answer().millis()).sorted().toArray();
		double median = sorted.length == 0 ? 0 : sorted[sorted.length / 2];
		double p99 = sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))];
		check(max <= failFastMs, "fail fast: latency during the outage median %.0f ms, p99 %.0f ms, max %.0f ms "
				+ "(aim: max <= %d ms: a node probes the database once a request has waited 0.5 s for a connection)", median, p99, max, failFastMs);
		var firstDown = readiness.stream().filter(s -> s.at() >= stopped && s.answer().status() == 503).findFirst();
		check(firstDown.isPresent() && firstDown.get().at() < back, "readiness answered 503 %s after the stop",
				firstDown.map(s -> String.format("%.1f s", (s.at() - stopped) / 1e9)).orElse("never"));
		recovery();
		api.stream().filter(s -> !ok(s) && s.answer().status() != 503).limit(3).forEach(s -> System.out.printf(
				"  e.g. at %.1f s: %d %s%n", s.at() / 1e9, s.answer().status(), s.answer().body()));
		System.out.println(pass ? "VERDICT: PASS" : "VERDICT: FAIL");
		return pass;
	}

	private void recovery() {
		List<OutageDrill.Sample> after = api.stream().filter(s -> s.at() >= back).toList();
		int lastBad = -1;
		for (int i = 0; i < after.size(); i++) {
			if (!ok(after.get(i))) {
				lastBad = i;
			}
		}
		boolean recovered = !after.isEmpty() && lastBad < after.size() - 1;
		double seconds = !recovered ? Double.NaN
				: lastBad < 0 ? 0 : (after.get(lastBad + 1).at() - back) / 1e9;
		check(recovered && seconds < 5.0, "recovered %.2f s after the database returned (aim < 5 s), no restart; "
				+ "%d requests after it, all 2xx", seconds, after.size() - lastBad - 1);
	}

	private void timeline() {
		TreeMap<Long, long[]> seconds = new TreeMap<>();
		for (OutageDrill.Sample s : api) {
			long[] row = seconds.computeIfAbsent(s.at() / 1_000_000_000L, k -> new long[4]);
			row[0]++;
			row[ok(s) ? 1 : s.answer().status() == 503 ? 2 : 3]++;
		}
		TreeMap<Long, Double> maxMs = new TreeMap<>();
		api.forEach(s -> maxMs.merge(s.at() / 1_000_000_000L, s.answer().millis(), Math::max));
		System.out.println("   t  requests   2xx   503  other  max ms");
		seconds.forEach((t, row) -> System.out.printf("%4d %9d %5d %5d %6d %7.0f%s%n", t, row[0], row[1], row[2],
				row[3], maxMs.get(t), t == stopped / 1_000_000_000L ? "  <- database stopped"
						: t == back / 1_000_000_000L ? "  <- database back" : ""));
	}

	private void check(boolean ok, String format, Object... values) {
		pass &= ok;
		System.out.println((ok ? "  ok    " : "  FAIL  ") + String.format(format, values));
	}

	private static boolean ok(OutageDrill.Sample s) {
		return s.answer().status() >= 200 && s.answer().status() < 300;
	}
}
