package com.returnit.dispatch.internal;

import com.returnit.dispatch.internal.domain.BatchMatching;
import com.returnit.dispatch.internal.domain.DispatchJob;
import com.returnit.tracking.DriverLocator;
import com.returnit.tracking.NearbyDriver;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Batched mode (ADR 0009): locks every due order at once, gathers the drivers near any of them, and offers the orders
 * along the assignment with the least total pickup distance. Offers are made exactly as in greedy mode, through
 * {@link Dispatcher#offer}; SKIP LOCKED and the unique open-offer indexes keep several nodes apart.
 */
@Service
class BatchDispatcher {

	private final JobRepository jobs;
	private final OfferRepository offers;
	private final DriverLocator locator;
	private final Dispatcher dispatcher;
	private final DispatchProperties properties;
	private final Clock clock;

	BatchDispatcher(JobRepository jobs, OfferRepository offers, DriverLocator locator, Dispatcher dispatcher,
			DispatchProperties properties, Clock clock) {
		this.jobs = jobs;
		this.offers = offers;
		this.locator = locator;
		this.dispatcher = dispatcher;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Pairs up to {@code limit} due orders of these service areas (those in batched mode) with drivers; answers how
	 * many offers it made.
	 */
	@Transactional
	int dispatchBatch(int limit, Set<UUID> areas) {
		Instant now = clock.instant();
		List<DispatchJob> open = new ArrayList<>();
		for (DispatchJob job : jobs.lockDue(now, limit, areas)) {
			if (job.tooLateToFindADriver(now)) {
				dispatcher.giveUpTooLate(job);
			}
			else {
				open.add(job);
			}
		}
		Map<UUID, Set<UUID>> excluded = new HashMap<>();
		open.forEach(job -> excluded.put(job.orderId(), offers.excludedFor(job.orderId())));
		List<BatchMatching.Pair> pairs = BatchMatching.assign(open, driversNear(open, excluded), excluded, now,
				properties.urgency());
		// An order left unpaired, or whose driver another node took meanwhile, stays pending and due: first in line
		// at the next batch.
		return (int) pairs.stream().filter(pair -> dispatcher.offer(pair.job(), pair.candidate(), now)).count();
	}

	/** The union of each order's nearest drivers on shift, with their vehicle and the room they have left. */
	private List<BatchMatching.DriverAt> driversNear(List<DispatchJob> open, Map<UUID, Set<UUID>> excluded) {
		Map<UUID, NearbyDriver> near = new LinkedHashMap<>();
		for (DispatchJob job : open) {
			locator.nearestOnShift(job.lat(), job.lng(), properties.candidates(), excluded.get(job.orderId()))
				.forEach(driver -> near.putIfAbsent(driver.position().driverId(), driver));
		}
		return dispatcher.candidates(List.copyOf(near.values())).stream()
			.map(candidate -> new BatchMatching.DriverAt(candidate.at(0),
					near.get(candidate.driverId()).position().lat(), near.get(candidate.driverId()).position().lng()))
			.toList();
	}
}
