package com.returnit.dispatch.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DriverMatchingTests {

	private static final Instant NOW = Instant.parse("2026-05-04T08:00:00Z");

	@Test
	void theNearestDriverWithRoomGetsTheOrder() {
		Candidate far = candidate(4.0, "van", 40);
		Candidate near = candidate(1.0, "car", 10);
		Candidate nearestButFull = candidate(0.2, "van", 1);

		assertThat(DriverMatching.choose(List.of(far, near, nearestButFull), 3)).contains(near);
	}

	@Test
	void bikesTakeOnlySmallReturnsWhateverTheirCapacity() {
		assertThat(DriverMatching.fits(candidate(1, "bike", 10), 2)).isTrue();
		assertThat(DriverMatching.fits(candidate(1, "bike", 10), 3)).isFalse();
		assertThat(DriverMatching.fits(candidate(1, "cargo_bike", 20), 8)).isTrue();
		assertThat(DriverMatching.fits(candidate(1, "cargo_bike", 20), 9)).isFalse();
		assertThat(DriverMatching.fits(candidate(1, "van", 20), 20)).isTrue();
		assertThat(DriverMatching.fits(candidate(1, "van", 20), 21)).isFalse();
	}

	@Test
	void nobodyIsChosenWhenNoVehicleFits() {
		assertThat(DriverMatching.choose(List.of(candidate(1, "bike", 4), candidate(2, "car", 2)), 3)).isEmpty();
	}

	@Test
	void anOrderIsDispatchedTheLeadTimeBeforeItsWindowOrAtOnceWhenBookedLater() {
		Instant windowStart = NOW.plus(Duration.ofHours(3));

		assertThat(DispatchJob.dispatchTime(windowStart, Duration.ofMinutes(45), NOW))
			.isEqualTo(windowStart.minus(Duration.ofMinutes(45)));
		assertThat(DispatchJob.dispatchTime(NOW.plus(Duration.ofMinutes(20)), Duration.ofMinutes(45), NOW))
			.isEqualTo(NOW);
	}

	@Test
	void itIsTooLateToFindADriverOnceTheWindowHasStarted() {
		DispatchJob job = new DispatchJob(UUID.randomUUID(), 52.5, 13.4, 1, NOW, NOW, "pending", 0, NOW);

		assertThat(job.tooLateToFindADriver(NOW.minusSeconds(1))).isFalse();
		assertThat(job.tooLateToFindADriver(NOW)).isTrue();
	}

	private static Candidate candidate(double km, String vehicle, int capacityLeft) {
		return new Candidate(UUID.randomUUID(), km, vehicle, capacityLeft);
	}
}
