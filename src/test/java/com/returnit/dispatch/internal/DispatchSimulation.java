package com.returnit.dispatch.internal;

import com.returnit.dispatch.internal.domain.Urgency;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays one synthetic day through greedy and batched dispatch and reports, for each, the drivers' total distance to
 * the pickups, pickup lateness and the orders never assigned. No database: the policies are the domain code itself.
 * Run with {@code bench/dispatch-sim/run.sh}; the only argument is the results directory.
 */
public final class DispatchSimulation {

	static final SimulatedDay.Shape SHAPE = new SimulatedDay.Shape(20_260_504L, 60, 800, Duration.ofHours(10),
			Duration.ofMinutes(45));
	static final Replay.Settings SETTINGS = new Replay.Settings(25, Duration.ofMinutes(5), Duration.ofSeconds(15),
			Duration.ofSeconds(5), 20, new Urgency(Duration.ofMinutes(45), 0.2));

	/** One policy's totals. */
	record Result(Replay.Policy policy, int assigned, int unassigned, double totalKm, double meanLate, double p95Late,
			double onTimeShare, long wallMillis) {

		static Result of(Replay.Policy policy, List<Replay.Outcome> outcomes, long wallMillis) {
			List<Replay.Outcome> done = outcomes.stream().filter(Replay.Outcome::assigned).toList();
			double[] late = done.stream().mapToDouble(Replay.Outcome::lateMinutes).sorted().toArray();
			double mean = late.length == 0 ? 0 : java.util.Arrays.stream(late).average().orElse(0);
			double p95 = late.length == 0 ? 0 : late[(int) Math.ceil(0.95 * late.length) - 1];
			double onTime = late.length == 0 ? 0 : (double) java.util.Arrays.stream(late).filter(m -> m == 0).count() / late.length;
			return new Result(policy, done.size(), outcomes.size() - done.size(),
					done.stream().mapToDouble(Replay.Outcome::km).sum(), mean, p95, onTime, wallMillis);
		}
	}

	private DispatchSimulation() {
	}

	public static void main(String[] args) throws IOException {
		Path results = Path.of(args.length > 0 ? args[0] : "bench/dispatch-sim/results");
		SimulatedDay day = SimulatedDay.generate(SHAPE, Instant.parse("2026-05-04T08:00:00Z"));
		System.out.printf("Day: %d drivers, %d orders over %d h, seed %d%n", day.drivers().size(), day.orders().size(),
				SHAPE.length().toHours(), SHAPE.seed());
		List<Result> all = new ArrayList<>();
		for (Replay.Policy policy : Replay.Policy.values()) {
			long started = System.nanoTime();
			List<Replay.Outcome> outcomes = new Replay(policy, SETTINGS).play(day,
					hour -> System.out.printf("  %s: hour %d%n", policy, hour));
			Result result = Result.of(policy, outcomes, (System.nanoTime() - started) / 1_000_000);
			all.add(result);
			System.out.printf("%s done in %d ms%n", policy, result.wallMillis());
		}
		String table = SimulationReport.table(SHAPE, SETTINGS, all);
		System.out.println();
		System.out.println(table);
		SimulationReport.write(results, table, all);
		System.out.println("Written to " + results.toAbsolutePath());
	}
}
