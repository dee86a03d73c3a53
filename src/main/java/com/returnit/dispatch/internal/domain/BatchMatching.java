package com.returnit.dispatch.internal.domain;

import com.returnit.platform.Geo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Batched dispatch: every waiting order and every free driver near any of them at once, paired so that the total
 * pickup distance is least, less what the orders' urgency is worth ({@link Urgency}): when there are more orders than
 * drivers, the ones whose window is nearest are served first unless that costs too much driving. A pair is infeasible when the vehicle does not fit the order, the driver has no room, or
 * the driver was offered the order before; such a pair is never made. Each driver gets at most one order per batch.
 */
public final class BatchMatching {

	/** A driver who may get one of the orders: where they are and what they can take (their distance is ignored). */
	public record DriverAt(Candidate driver, double lat, double lng) {
	}

	/** The driver an order is offered to, with the distance to its pickup. */
	public record Pair(DispatchJob job, Candidate candidate) {
	}

	private BatchMatching() {
	}

	/** The pairs to offer by distance alone; orders missing from the answer wait for the next batch. */
	public static List<Pair> assign(List<DispatchJob> jobs, List<DriverAt> drivers, Map<UUID, Set<UUID>> excluded) {
		return assign(jobs, drivers, excluded, Instant.EPOCH, Urgency.NONE);
	}

	/** The pairs to offer now, weighing urgency; orders missing from the answer wait for the next batch. */
	public static List<Pair> assign(List<DispatchJob> jobs, List<DriverAt> drivers, Map<UUID, Set<UUID>> excluded,
			Instant now, Urgency urgency) {
		Candidate[][] seen = new Candidate[jobs.size()][drivers.size()];
		double[][] km = new double[jobs.size()][drivers.size()];
		for (int j = 0; j < jobs.size(); j++) {
			DispatchJob job = jobs.get(j);
			Set<UUID> passed = excluded.getOrDefault(job.orderId(), Set.of());
			// costs stay non-negative: the most urgent order costs its distance, a relaxed one up to maxBonus more
			double waitingCost = urgency.maxBonusKm() - urgency.bonusKm(job, now);
			for (int d = 0; d < drivers.size(); d++) {
				DriverAt driver = drivers.get(d);
				seen[j][d] = driver.driver().at(Geo.distanceKm(job.lat(), job.lng(), driver.lat(), driver.lng()));
				km[j][d] = passed.contains(driver.driver().driverId()) ? Assignment.INFEASIBLE
						: DriverMatching.cost(seen[j][d], job.itemCount()) + waitingCost;
			}
		}
		int[] chosen = Assignment.solve(km);
		List<Pair> pairs = new ArrayList<>();
		for (int j = 0; j < chosen.length; j++) {
			if (chosen[j] >= 0) {
				pairs.add(new Pair(jobs.get(j), seen[j][chosen[j]]));
			}
		}
		return pairs;
	}
}
