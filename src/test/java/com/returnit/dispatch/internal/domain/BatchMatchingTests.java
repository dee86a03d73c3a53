package com.returnit.dispatch.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import com.returnit.dispatch.internal.domain.BatchMatching.DriverAt;
import com.returnit.dispatch.internal.domain.BatchMatching.Pair;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BatchMatchingTests {

	private static final Instant NOW = Instant.parse("2026-05-04T08:00:00Z");
	private static final double KM = 1 / 111.195;

	@Test
	void ordersWaitingTogetherGetTheDriversWithTheLeastTotalDistanceWhereGreedyWouldNot() {
		DispatchJob a = job(0, 1);
		DispatchJob b = job(1.0, 1);
		DriverAt one = driver(0.9, "van", 40);
		DriverAt two = driver(-1.0, "van", 40);

		List<Pair> pairs = BatchMatching.assign(List.of(a, b), List.of(one, two), Map.of());

		assertThat(pairs).extracting(pair -> pair.job().orderId(), pair -> pair.candidate().driverId())
			.containsExactlyInAnyOrder(tuple(a.orderId(), two.driver().driverId()),
					tuple(b.orderId(), one.driver().driverId()));
		assertThat(pairs.stream().mapToDouble(pair -> pair.candidate().distanceKm()).sum()).isCloseTo(1.1, within(0.01));
		assertThat(DriverMatching.choose(List.of(one.driver().at(0.9), two.driver().at(1.0)), 1))
			.as("greedy, order A first").contains(one.driver().at(0.9));
	}

	@Test
	void aDriverWhoseVehicleDoesNotFitOrWhoPassedBeforeIsNeverPaired() {
		DispatchJob bulky = job(0, 3);
		DispatchJob declinedBefore = job(-1.0, 1);
		DriverAt bike = driver(0.01, "bike", 10);
		DriverAt van = driver(5, "van", 40);

		List<Pair> pairs = BatchMatching.assign(List.of(bulky, declinedBefore), List.of(bike, van),
				Map.of(declinedBefore.orderId(), Set.of(bike.driver().driverId())));

		assertThat(pairs).singleElement().satisfies(pair -> {
			assertThat(pair.job()).isEqualTo(bulky);
			assertThat(pair.candidate().driverId()).isEqualTo(van.driver().driverId());
			assertThat(pair.candidate().distanceKm()).isCloseTo(5, within(0.01));
		});
	}

	@Test
	void withMoreOrdersThanDriversEachDriverGetsOneOrder() {
		List<DispatchJob> jobs = List.of(job(0, 1), job(0.5, 1), job(1, 1));
		List<DriverAt> drivers = List.of(driver(0.1, "car", 8), driver(0.9, "car", 8));

		List<Pair> pairs = BatchMatching.assign(jobs, drivers, Map.of());

		assertThat(pairs).hasSize(2);
		assertThat(pairs).extracting(pair -> pair.candidate().driverId()).doesNotHaveDuplicates();
	}

	@Test
	void withOneDriverForTwoOrdersTheOneWhoseWindowIsCloseWinsOverTheNearerOneThatCanWait() {
		DispatchJob nearButRelaxed = job(0.5, 1, NOW.plusSeconds(45 * 60));
		DispatchJob fartherButDue = job(3, 1, NOW.plusSeconds(5 * 60));
		List<DriverAt> driver = List.of(driver(0, "van", 40));
		Urgency urgency = new Urgency(java.time.Duration.ofMinutes(45), 0.2);

		assertThat(BatchMatching.assign(List.of(nearButRelaxed, fartherButDue), driver, Map.of(), NOW, urgency))
			.singleElement().extracting(Pair::job).isEqualTo(fartherButDue);
		assertThat(BatchMatching.assign(List.of(nearButRelaxed, fartherButDue), driver, Map.of()))
			.as("by distance alone").singleElement().extracting(Pair::job).isEqualTo(nearButRelaxed);
	}

	@Test
	void urgencyNeverSendsADriverFarBeyondWhatItIsWorth() {
		DispatchJob nearButRelaxed = job(0.5, 1, NOW.plusSeconds(45 * 60));
		DispatchJob farAndDue = job(20, 1, NOW.plusSeconds(5 * 60));
		Urgency urgency = new Urgency(java.time.Duration.ofMinutes(45), 0.2);

		assertThat(BatchMatching.assign(List.of(nearButRelaxed, farAndDue), List.of(driver(0, "van", 40)), Map.of(),
				NOW, urgency))
			.as("40 minutes of urgency are worth 8 km, not 19.5").singleElement().extracting(Pair::job)
			.isEqualTo(nearButRelaxed);
	}

	private static DispatchJob job(double kmNorth, int items, Instant windowStart) {
		return new DispatchJob(UUID.randomUUID(), 52.5 + kmNorth * KM, 13.4, items, windowStart, NOW, "pending", 0, NOW);
	}

	private static DispatchJob job(double kmNorth, int items) {
		return new DispatchJob(UUID.randomUUID(), 52.5 + kmNorth * KM, 13.4, items, NOW.plusSeconds(900), NOW,
				"pending", 0, NOW);
	}

	private static DriverAt driver(double kmNorth, String vehicle, int capacityLeft) {
		return new DriverAt(new Candidate(UUID.randomUUID(), 0, vehicle, capacityLeft), 52.5 + kmNorth * KM, 13.4);
	}
}
