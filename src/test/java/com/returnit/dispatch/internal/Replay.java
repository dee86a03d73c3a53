package com.returnit.dispatch.internal;

import com.returnit.dispatch.internal.domain.BatchMatching;
import com.returnit.dispatch.internal.domain.Candidate;
import com.returnit.dispatch.internal.domain.DispatchJob;
import com.returnit.dispatch.internal.domain.DriverMatching;
import com.returnit.dispatch.internal.domain.Urgency;
import com.returnit.platform.Geo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntConsumer;

/**
 * One policy playing one simulated day, second by second, with the dispatch domain code the service runs: greedy asks
 * {@link DriverMatching#choose} for each due order in turn, batched asks {@link BatchMatching#assign} every interval.
 * Every offer is accepted at once; a driver drives straight to the pickup, waits for the window if early, spends the
 * service time there, and is free again at the pickup. A driver takes one order at a time.
 */
final class Replay {

	/** Greedy; batched at the least distance alone; batched weighing urgency too (the service's default). */
	enum Policy {
		GREEDY, BATCHED_DISTANCE_ONLY, BATCHED
	}

	/** The service's settings, as far as the simulation uses them. */
	record Settings(double speedKmh, Duration serviceTime, Duration retryWhenNoDriver, Duration batchInterval,
			int candidates, Urgency urgency) {
	}

	/** What happened to one order. */
	record Outcome(UUID orderId, double km, double lateMinutes, boolean assigned) {
	}

	private static final class Driver {

		final Candidate candidate;
		double lat;
		double lng;
		Instant freeAt;

		Driver(SimulatedDay.SimDriver d, Instant start) {
			this.candidate = new Candidate(d.id(), 0, d.vehicleType(), d.capacity());
			this.lat = d.lat();
			this.lng = d.lng();
			this.freeAt = start;
		}
	}

	private final Policy policy;
	private final Settings settings;
	private final List<Driver> drivers = new ArrayList<>();
	private final Map<UUID, Driver> byId = new LinkedHashMap<>();
	private final List<DispatchJob> waiting = new ArrayList<>();
	private final List<Outcome> outcomes = new ArrayList<>();

	Replay(Policy policy, Settings settings) {
		this.policy = policy;
		this.settings = settings;
	}

	/** Plays the day; {@code hourDone} hears each simulated hour as it passes. */
	List<Outcome> play(SimulatedDay day, IntConsumer hourDone) {
		day.drivers().forEach(d -> {
			Driver driver = new Driver(d, day.start());
			drivers.add(driver);
			byId.put(d.id(), driver);
		});
		List<DispatchJob> upcoming = new ArrayList<>(day.orders());
		long batchEvery = settings.batchInterval().toSeconds();
		for (long second = 0; !upcoming.isEmpty() || !waiting.isEmpty(); second++) {
			Instant now = day.start().plusSeconds(second);
			while (!upcoming.isEmpty() && !upcoming.getFirst().dispatchAt().isAfter(now)) {
				waiting.add(upcoming.removeFirst());
			}
			giveUpTooLate(now);
			if (policy == Policy.GREEDY) {
				greedy(now);
			}
			else if (second % batchEvery == 0) {
				batched(now);
			}
			if (second % 3600 == 0) {
				hourDone.accept((int) (second / 3600));
			}
		}
		return outcomes;
	}

	private void giveUpTooLate(Instant now) {
		waiting.removeIf(job -> {
			boolean late = job.tooLateToFindADriver(now);
			if (late) {
				outcomes.add(new Outcome(job.orderId(), 0, 0, false));
			}
			return late;
		});
	}

	/** Oldest due order first, each to its nearest fitting free driver; none: try again after the retry delay. */
	private void greedy(Instant now) {
		List<DispatchJob> due = waiting.stream().filter(job -> !job.nextAttemptAt().isAfter(now))
			.sorted(Comparator.comparing(DispatchJob::nextAttemptAt)).toList();
		for (DispatchJob job : due) {
			waiting.remove(job);
			List<Candidate> nearest = nearestFree(job, now);
			var chosen = DriverMatching.choose(nearest, job.itemCount());
			if (chosen.isPresent()) {
				assign(job, chosen.get(), now);
			}
			else {
				waiting.add(new DispatchJob(job.orderId(), job.lat(), job.lng(), job.itemCount(), job.windowStart(),
						job.dispatchAt(), job.status(), job.misses(), now.plus(settings.retryWhenNoDriver())));
			}
		}
	}

	/** All waiting orders and the union of their nearest free drivers, paired at the least total distance. */
	private void batched(Instant now) {
		Map<UUID, BatchMatching.DriverAt> pool = new LinkedHashMap<>();
		for (DispatchJob job : waiting) {
			for (Candidate near : nearestFree(job, now)) {
				Driver d = byId.get(near.driverId());
				pool.putIfAbsent(near.driverId(), new BatchMatching.DriverAt(d.candidate, d.lat, d.lng));
			}
		}
		Urgency urgency = policy == Policy.BATCHED ? settings.urgency() : Urgency.NONE;
		for (BatchMatching.Pair pair : BatchMatching.assign(List.copyOf(waiting), List.copyOf(pool.values()), Map.of(),
				now, urgency)) {
			waiting.remove(pair.job());
			assign(pair.job(), pair.candidate(), now);
		}
	}

	/** What the spatial index answers: the nearest free drivers, as many as the service asks for. */
	private List<Candidate> nearestFree(DispatchJob job, Instant now) {
		return drivers.stream().filter(d -> !d.freeAt.isAfter(now))
			.map(d -> d.candidate.at(Geo.distanceKm(job.lat(), job.lng(), d.lat, d.lng)))
			.sorted(Comparator.comparingDouble(Candidate::distanceKm)).limit(settings.candidates()).toList();
	}

	private void assign(DispatchJob job, Candidate candidate, Instant now) {
		Driver driver = byId.get(candidate.driverId());
		long driveSeconds = Math.round(candidate.distanceKm() / settings.speedKmh() * 3600);
		Instant arrival = now.plusSeconds(driveSeconds);
		Instant pickup = arrival.isBefore(job.windowStart()) ? job.windowStart() : arrival;
		driver.lat = job.lat();
		driver.lng = job.lng();
		driver.freeAt = pickup.plus(settings.serviceTime());
		double late = Duration.between(job.windowStart(), pickup).toSeconds() / 60.0;
		outcomes.add(new Outcome(job.orderId(), candidate.distanceKm(), late, true));
	}
}
