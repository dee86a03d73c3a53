import java.util.List;

/**
 * What the seeds' targets need, scaled linearly from the knee: 10,000 requests/min, and 20,000 concurrent users
 * behaving like the ladder's mix, each within p50 < 150 ms, p95 < 800 ms, < 1% errors.
 */
record Projection(double kneeRps, double rpsPerUser, double targetRps, double usersRps, int nodes, int usersNodes,
		int nodeCores, double dbCores, double bytesPerRequest, double dbGbPerMonth, double rpsPerCore,
		List<String> assumptions) {

	/** Service and PostgreSQL cores for {@code rps} if the stack scales with the CPU it actually used at the knee. */
	double coresFor(double rps) {
		return rpsPerCore <= 0 ? -1 : rps / (rpsPerCore * HEADROOM);
	}

	/** Each node runs at most this share of its measured knee, leaving headroom for peaks and a lost node. */
	static final double HEADROOM = 0.7;

	static Projection of(Knee knee, List<Step> steps, int cores, double bytesPerRequest) {
		Step k = knee.knee() != null ? knee.knee() : steps.getFirst();
		double kneeRps = Math.max(0.1, k.rps());
		double perUser = steps.stream().filter(Step::withinTargets).mapToDouble(s -> s.rps() / s.users()).average()
			.orElse(k.rps() / k.users());
		double target = 10_000 / 60.0;
		double usersRps = 20_000 * perUser;
		int nodes = (int) Math.ceil(target / (kneeRps * HEADROOM));
		int usersNodes = (int) Math.ceil(usersRps / (kneeRps * HEADROOM));
		double pgCoresPerRps = k.usage().postgresCores() > 0 ? k.usage().postgresCores() / kneeRps : 0;
		double gbPerMonth = bytesPerRequest * target * 86_400 * 30 / 1e9;
		double usedCores = Math.max(0, k.usage().serviceCores()) + Math.max(0, k.usage().postgresCores());
		double rpsPerCore = usedCores > 0.01 ? kneeRps / usedCores : -1;
		List<String> assumptions = new java.util.ArrayList<>(List.of(
				"by CPU actually used: at the knee the service and PostgreSQL used %.2f cores for %.1f req/s (%.0f req/s per core); on a machine shared with other work this is the fairer basis, assuming the stack stays CPU-bound as it grows"
					.formatted(usedCores, kneeRps, rpsPerCore),
						"a node is this machine (%d cores) running the service; the knee was measured with Gatling and PostgreSQL on the same cores, so a dedicated node carries at least as much"
							.formatted(cores),
						"throughput scales linearly with nodes behind a balancer (the service is stateless, ADR 0019); each node runs at %.0f%% of its knee"
							.formatted(HEADROOM * 100),
						"PostgreSQL is one primary sized by the CPU it used per request at the knee, also at %.0f%%"
							.formatted(HEADROOM * 100),
						"database growth is what this run added per request (bookings, timelines, pings, events, idempotency keys) at 10,000 requests/min around the clock, before retention jobs",
						"a user of the mix sends %.3f requests/s (measured below the knee); the seeds' two targets differ: 20,000 such users send %.0f req/s, far more than 10,000 requests/min (%.0f req/s)"
							.formatted(perUser, usersRps, target)));
		if (knee.saturated() == null) {
			assumptions.addFirst("the ramp ended before the service saturated: the knee is at least %.1f req/s, so these node counts are upper bounds"
				.formatted(kneeRps));
		}
		return new Projection(kneeRps, perUser, target, usersRps, nodes, usersNodes, cores,
				pgCoresPerRps * Math.max(target, usersRps) / HEADROOM, bytesPerRequest, gbPerMonth, rpsPerCore,
				assumptions);
	}
}
