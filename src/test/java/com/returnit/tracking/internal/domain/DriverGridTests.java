package com.returnit.tracking.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.platform.Geo;
import com.returnit.tracking.NearbyDriver;
import com.returnit.tracking.Position;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The grid finds the same drivers a scan of everyone would, nearest first, while looking at only a few of them. */
class DriverGridTests {

	private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
	private static final Instant FRESH_SINCE = NOW.minus(Duration.ofMinutes(10));

	private final Random random = new Random(42);
	private final DriverGrid grid = new DriverGrid(0.01);
	private List<Position> drivers;

	/** 10,000 drivers across Berlin, one in ten with a stale fix. */
	@BeforeEach
	void tenThousandDriversInBerlin() {
		drivers = java.util.stream.IntStream.range(0, 10_000)
			.mapToObj(i -> new Position(UUID.randomUUID(), 52.38 + random.nextDouble() * 0.22,
					13.10 + random.nextDouble() * 0.60, i % 10 == 0 ? NOW.minus(Duration.ofMinutes(30)) : NOW))
			.toList();
		drivers.forEach(grid::put);
	}

	@Test
	void theNearestDriversAreThoseAScanOfEveryoneWouldFindInTheSameOrder() {
		for (int i = 0; i < 200; i++) {
			double lat = 52.38 + random.nextDouble() * 0.22;
			double lng = 13.10 + random.nextDouble() * 0.60;
			Set<UUID> excluded = Set.of(drivers.get(random.nextInt(drivers.size())).driverId());

			DriverGrid.Nearest nearest = grid.nearest(query(lat, lng, 5, excluded, 30));

			assertThat(ids(nearest.drivers())).isEqualTo(ids(bruteForce(lat, lng, 5, excluded, 30)));
			assertThat(nearest.examined()).as("drivers looked at").isLessThan(500);
		}
	}

	@Test
	void staleAndExcludedDriversAreNeverReturned() {
		Position stale = drivers.getFirst();
		Position excluded = drivers.get(1);

		List<NearbyDriver> atStale = grid.nearest(query(stale.lat(), stale.lng(), 3, Set.of(), 30)).drivers();
		List<NearbyDriver> atExcluded = grid.nearest(query(excluded.lat(), excluded.lng(), 3,
				Set.of(excluded.driverId()), 30)).drivers();

		assertThat(ids(atStale)).hasSize(3).doesNotContain(stale.driverId());
		assertThat(ids(atExcluded)).hasSize(3).doesNotContain(excluded.driverId());
	}

	@Test
	void noDriverBeyondTheRadiusIsReturnedAndAnEmptyAreaEndsAtTheRadius() {
		DriverGrid.Nearest inHamburg = grid.nearest(query(53.55, 9.99, 5, Set.of(), 30));
		DriverGrid.Nearest nearBerlin = grid.nearest(query(52.49, 12.95, 50, Set.of(), 12));

		assertThat(inHamburg.drivers()).isEmpty();
		assertThat(inHamburg.examined()).isZero();
		assertThat(nearBerlin.drivers()).isNotEmpty().allSatisfy(d -> assertThat(d.distanceKm()).isLessThanOrEqualTo(12));
	}

	@Test
	void aDriverWhoMovesIsFoundOnlyAtTheNewPlace() {
		Position driver = drivers.get(5);
		grid.put(new Position(driver.driverId(), 48.137, 11.575, NOW));

		assertThat(ids(grid.nearest(query(48.137, 11.575, 1, Set.of(), 1)).drivers())).containsExactly(driver.driverId());
		assertThat(grid.size()).isEqualTo(10_000);
		grid.remove(driver.driverId());
		assertThat(grid.nearest(query(48.137, 11.575, 1, Set.of(), 1)).drivers()).isEmpty();
		assertThat(grid.contains(driver.driverId())).isFalse();
	}

	@Test
	void driversAcrossTheAntimeridianAreNeighbours() {
		DriverGrid small = new DriverGrid(0.01);
		UUID east = UUID.randomUUID();
		small.put(new Position(east, -17.0, 179.999, NOW));

		assertThat(ids(small.nearest(query(-17.0, -179.999, 1, Set.of(), 5)).drivers())).containsExactly(east);
	}

	private List<NearbyDriver> bruteForce(double lat, double lng, int limit, Set<UUID> excluded, double radiusKm) {
		return drivers.stream()
			.filter(p -> !p.recordedAt().isBefore(FRESH_SINCE) && !excluded.contains(p.driverId()))
			.map(p -> new NearbyDriver(p, Geo.distanceKm(lat, lng, p.lat(), p.lng())))
			.filter(d -> d.distanceKm() <= radiusKm)
			.sorted(Comparator.comparingDouble(NearbyDriver::distanceKm)).limit(limit).toList();
	}

	private static DriverGrid.Query query(double lat, double lng, int limit, Set<UUID> excluded, double radiusKm) {
		return new DriverGrid.Query(lat, lng, limit, new HashSet<>(excluded), FRESH_SINCE, radiusKm);
	}

	private static List<UUID> ids(List<NearbyDriver> drivers) {
		return drivers.stream().map(d -> d.position().driverId()).toList();
	}
}
