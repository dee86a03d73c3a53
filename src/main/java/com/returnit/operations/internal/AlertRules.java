package com.returnit.operations.internal;

import static com.returnit.operations.internal.AlertRule.above;

import com.returnit.operations.internal.AlertRule.Observation;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * The seed thresholds, the same as deploy/prometheus/alerts.yml (AlertRulesTests keeps the two in step): latency,
 * errors, CPU, connection pool, memory, disk, webhook backlog, ledger, payment failures and uncovered areas.
 */
final class AlertRules {

	static final String CLUSTER = "cluster";

	private AlertRules() {
	}

	static List<AlertRule> all() {
		Function<Readings, List<Observation>> p95 = cluster(r -> {
			LatencyBuckets latency = r.recentLatency();
			return latency.total() == 0 ? OptionalDouble.empty() : OptionalDouble.of(latency.quantileMs(0.95) / 1000);
		});
		Function<Readings, List<Observation>> errors = cluster(Readings::recentErrorRatio);
		Function<Readings, List<Observation>> cpu = node(r -> r.gauge("process.cpu.usage"));
		Function<Readings, List<Observation>> pool = node(
				r -> Readings.ratio(r.gauge("hikaricp.connections.active"), r.gauge("hikaricp.connections.max")));
		Function<Readings, List<Observation>> memory = node(
				r -> Readings.ratio(r.gauge("jvm.gc.live.data.size"), r.gauge("jvm.gc.max.data.size")));
		Function<Readings, List<Observation>> disk = node(r -> {
			OptionalDouble free = r.gauge("disk.free");
			OptionalDouble total = r.gauge("disk.total");
			OptionalDouble freeRatio = Readings.ratio(free, total);
			return freeRatio.isEmpty() ? freeRatio : OptionalDouble.of(1 - freeRatio.getAsDouble());
		});
		return List.of(
				above("LatencyP95Above1s", "warning", 1, minutes(5), "p95 latency over 1 s", p95),
				above("LatencyP95Above2s", "critical", 2, minutes(5), "p95 latency over 2 s", p95),
				above("ErrorRateAbove2Percent", "warning", 0.02, minutes(5), "more than 2% of requests fail", errors),
				above("ErrorRateAbove5Percent", "critical", 0.05, minutes(5), "more than 5% of requests fail", errors),
				above("CpuAbove70Percent", "warning", 0.70, minutes(10), "process CPU over 70%", cpu),
				above("CpuAbove90Percent", "critical", 0.90, minutes(5), "process CPU over 90%", cpu),
				above("PoolUsageAbove80Percent", "warning", 0.80, minutes(5), "database pool over 80% in use", pool),
				above("PoolUsageAbove95Percent", "critical", 0.95, minutes(2), "database pool over 95% in use", pool),
				above("MemoryAbove75Percent", "warning", 0.75, minutes(10), "heap after GC over 75%", memory),
				above("MemoryAbove90Percent", "critical", 0.90, minutes(5), "heap after GC over 90%", memory),
				above("DiskAbove80Percent", "warning", 0.80, minutes(15), "disk over 80% full", disk),
				above("DiskAbove95Percent", "critical", 0.95, minutes(5), "disk over 95% full", disk),
				above("WebhookBacklogGrowing", "warning", 0, minutes(15), "webhook backlog grew over 15 min",
						cluster(r -> r.increase("webhooks.backlog", r.gauge("returnit.webhooks.backlog"), minutes(15)))),
				above("PaymentFailures", "warning", 5, Duration.ZERO, "more than 5 payment failures in 15 min",
						cluster(r -> r.increase("payments.failures", r.counter("returnit.payments.failures"),
								minutes(15)))),
				above("LedgerImbalance", "critical", 0, Duration.ZERO, "the ledger does not balance",
						cluster(r -> abs(r.gauge("returnit.ledger.imbalance")))),
				above("NoDriversInActiveArea", "critical", 0, minutes(10),
						"pickups due soon in an area with no driver on shift",
						r -> r.snapshot().areas().stream()
							.map(a -> Observation.of("area:" + a.name(),
									OptionalDouble.of(a.uncovered() ? a.pickupsDue() : 0)))
							.toList()));
	}

	private static Duration minutes(long minutes) {
		return Duration.ofMinutes(minutes);
	}

	private static OptionalDouble abs(OptionalDouble value) {
		return value.isEmpty() ? value : OptionalDouble.of(Math.abs(value.getAsDouble()));
	}

	private static Function<Readings, List<Observation>> cluster(Function<Readings, OptionalDouble> value) {
		return r -> List.of(Observation.of(CLUSTER, value.apply(r)));
	}

	private static Function<Readings, List<Observation>> node(Function<Readings, OptionalDouble> value) {
		return r -> List.of(Observation.of("node:" + r.node(), value.apply(r)));
	}
}
