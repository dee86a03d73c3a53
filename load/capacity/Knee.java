import java.util.List;

/**
 * Where the ramp saturated: the first step whose throughput stopped growing (less than 10% more for twice the
 * users), whose p95 crossed 800 ms or whose errors passed 1%; the knee is the step before it, the most the service
 * carried within the targets. And which resource was closest to its limit at the saturated step.
 */
record Knee(Step knee, Step saturated, String why, String resource, List<String> resources) {

	static Knee of(List<Step> steps, int cores) {
		Step knee = null;
		for (int i = 0; i < steps.size(); i++) {
			Step s = steps.get(i);
			String why = reason(s, i == 0 ? null : steps.get(i - 1));
			if (why != null) {
				return withResource(knee, s, why, cores);
			}
			knee = s;
		}
		return withResource(knee, null, "not reached: every step stayed within the targets", cores);
	}

	static String reason(Step s, Step previous) {
		if (s.requests() <= 0) {
			return "the step answered nothing";
		}
		if (s.errorPercent() >= 1) {
			return "errors %.1f%% >= 1%%".formatted(s.errorPercent());
		}
		if (s.p95() >= 800) {
			return "p95 %.0f ms >= 800 ms".formatted(s.p95());
		}
		if (s.p50() >= 150) {
			return "p50 %.0f ms >= 150 ms".formatted(s.p50());
		}
		if (previous != null && s.rps() < previous.rps() * 1.10) {
			return "throughput stopped growing (%.1f -> %.1f req/s)".formatted(previous.rps(), s.rps());
		}
		return null;
	}

	private static Knee withResource(Step knee, Step saturated, String why, int cores) {
		Step at = saturated != null ? saturated : knee;
		if (at == null) {
			return new Knee(null, null, why, "unknown", List.of());
		}
		Sampler.Usage u = at.usage();
		// a machine at 95% or more is saturated: pool waits and latency then follow from threads starved of CPU
		double cpu = u.machineCores() / cores >= 0.95 ? 1 : u.machineCores() / cores;
		double pool = u.hikariMax() > 0 ? Math.max(u.hikariActive() / u.hikariMax(), u.hikariPending() > 0.5 ? 1 : 0)
				: -1;
		double locks = u.lockWaits() < 0 ? -1 : Math.min(1, u.lockWaits());
		double gc = u.gcPauseShare() < 0 ? -1 : u.gcPauseShare() / 0.05;
		List<String> lines = List.of(
				"CPU: machine %.2f of %d cores busy (service JVM %.2f, PostgreSQL %.2f, the other %.2f Gatling and other processes)"
					.formatted(u.machineCores(), cores, u.serviceCores(), u.postgresCores(),
							u.machineCores() - Math.max(0, u.serviceCores()) - Math.max(0, u.postgresCores())),
				"connection pool: %.1f of %.0f Hikari connections active on average, %.1f requests waiting"
					.formatted(u.hikariActive(), u.hikariMax(), u.hikariPending()),
				"locks: %.2f PostgreSQL sessions waiting on a lock on average".formatted(u.lockWaits()),
				"GC: %.1f%% of the time in GC pauses".formatted(100 * u.gcPauseShare()));
		String[] names = { "CPU", "connection pool", "locks", "GC" };
		double[] ratios = { cpu, pool, locks, gc };
		int max = 0;
		for (int i = 1; i < ratios.length; i++) {
			if (ratios[i] > ratios[max]) {
				max = i;
			}
		}
		return new Knee(knee, saturated, why, "%s (%.0f%% of its limit)".formatted(names[max], 100 * ratios[max]),
				lines);
	}
}
