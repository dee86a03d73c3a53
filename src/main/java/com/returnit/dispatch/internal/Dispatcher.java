package com.returnit.dispatch.internal;

import com.returnit.dispatch.OfferMade;
import com.returnit.dispatch.OrderUnassigned;
import com.returnit.dispatch.internal.domain.Candidate;
import com.returnit.dispatch.internal.domain.DispatchJob;
import com.returnit.dispatch.internal.domain.DriverMatching;
import com.returnit.identity.Drivers;
import com.returnit.orders.Orders;
import com.returnit.platform.Ids;
import com.returnit.tracking.DriverLocator;
import com.returnit.tracking.NearbyDriver;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Offers each due order to the best available driver. Runs inside the transaction that locked the job, so two
 * nodes never dispatch the same order; the unique indexes on open offers back that up.
 */
@Service
class Dispatcher {

	private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

	private final JobRepository jobs;
	private final OfferRepository offers;
	private final DriverLocator locator;
	private final Drivers drivers;
	private final Orders orders;
	private final ApplicationEventPublisher events;
	private final DispatchProperties properties;
	private final Clock clock;
	private final OfferMetrics metrics;
	private final DispatchModes modes;

	Dispatcher(JobRepository jobs, OfferRepository offers, DriverLocator locator, Drivers drivers, Orders orders,
			ApplicationEventPublisher events, DispatchProperties properties, Clock clock, OfferMetrics metrics,
			DispatchModes modes) {
		this.jobs = jobs;
		this.offers = offers;
		this.locator = locator;
		this.drivers = drivers;
		this.orders = orders;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
		this.metrics = metrics;
		this.modes = modes;
	}

	/** Works through the due jobs of these service areas (those in greedy mode); answers how many it handled. */
	@Transactional
	int dispatchDue(int limit, Set<UUID> areas) {
		List<DispatchJob> due = jobs.lockDue(clock.instant(), limit, areas);
		due.forEach(this::offerNext);
		return due.size();
	}

	/** Turns expired offers into misses and moves their orders on to the next driver. */
	@Transactional
	int expireOffers(int limit) {
		List<UUID> orderIds = offers.expireOverdue(clock.instant(), limit);
		metrics.expired(orderIds.size());
		orderIds.forEach(orderId -> jobs.lock(orderId).ifPresent(this::missed));
		return orderIds.size();
	}

	/**
	 * A driver passed (declined, or let the offer expire): count it, then offer the order to the next driver, or in
	 * batched mode (of the order's service area) put it back among the orders the next batch pairs.
	 */
	void missed(DispatchJob job) {
		DispatchJob counted = new DispatchJob(job.orderId(), job.lat(), job.lng(), job.itemCount(), job.windowStart(),
				job.dispatchAt(), job.status(), job.misses() + 1, job.nextAttemptAt(), job.serviceAreaId());
		if (counted.misses() >= properties.maxMisses()) {
			giveUp(counted, counted.misses() + " drivers passed");
			return;
		}
		if (modes.modeFor(job.serviceAreaId()) == DispatchMode.BATCHED) {
			waitForNextBatch(counted, clock.instant());
			return;
		}
		offerNext(counted);
	}

	void offerNext(DispatchJob job) {
		Instant now = clock.instant();
		if (job.tooLateToFindADriver(now)) {
			giveUpTooLate(job);
			return;
		}
		boolean offered = candidates(job).stream().anyMatch(candidate -> offer(job, candidate, now));
		if (!offered) {
			jobs.update(job.orderId(), "pending", job.misses(), now.plus(properties.retryWhenNoDriver()), now);
		}
	}

	/**
	 * Offers the order to this driver and marks the job as offering; false when the order or the driver already holds
	 * an open offer (another node got there first). Both modes make their offers here.
	 */
	boolean offer(DispatchJob job, Candidate candidate, Instant now) {
		// in the database's precision, so that OfferMade carries the instants the offer is stored and shown with
		Instant at = now.truncatedTo(ChronoUnit.MICROS);
		Offer offer = new Offer(Ids.newId(clock), job.orderId(), candidate.driverId(), "offered",
				candidate.distanceKm(), at, at.plus(properties.offerTimeout()), null);
		if (!offers.insert(offer)) {
			return false;
		}
		metrics.made();
		jobs.update(job.orderId(), "offering", job.misses(), offer.expiresAt(), now);
		events.publishEvent(new OfferMade(offer.id(), offer.orderId(), offer.driverId(), offer.distanceKm(),
				offer.expiresAt(), at));
		return true;
	}

	/** Leaves the order pending and due, so that the next batch considers it again. */
	void waitForNextBatch(DispatchJob job, Instant now) {
		jobs.update(job.orderId(), "pending", job.misses(), now, now);
	}

	/**
	 * The nearby drivers as candidates, in the same order: what they drive and the room they have left, read in two
	 * queries whatever their number; unknown drivers are left out.
	 */
	List<Candidate> candidates(List<NearbyDriver> nearby) {
		List<UUID> ids = nearby.stream().map(near -> near.position().driverId()).toList();
		Map<UUID, Drivers.Driver> known = drivers.findAll(ids);
		Map<UUID, Integer> carried = orders.parcelsCarriedBy(known.keySet());
		return nearby.stream()
			.filter(near -> known.containsKey(near.position().driverId()))
			.map(near -> {
				Drivers.Driver driver = known.get(near.position().driverId());
				return new Candidate(driver.id(), near.distanceKm(), driver.vehicleType(),
						driver.capacityParcels() - carried.getOrDefault(driver.id(), 0));
			})
			.toList();
	}

	void giveUpTooLate(DispatchJob job) {
		giveUp(job, "no driver took it before the window started");
	}

	/** Drivers who fit, nearest first; the spatial index narrows the search before any capacity is counted. */
	private List<Candidate> candidates(DispatchJob job) {
		List<NearbyDriver> nearby = locator.nearestOnShift(job.lat(), job.lng(), properties.candidates(),
				offers.excludedFor(job.orderId()));
		return candidates(nearby).stream().filter(candidate -> DriverMatching.fits(candidate, job.itemCount())).toList();
	}

	private void giveUp(DispatchJob job, String reason) {
		Instant now = clock.instant();
		jobs.update(job.orderId(), "unassigned", job.misses(), now, now);
		log.warn("Order {} is unassigned: {}; operators must assign it", job.orderId(), reason);
		events.publishEvent(new OrderUnassigned(job.orderId(), job.misses(), reason, now));
	}
}
