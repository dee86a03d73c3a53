package com.returnit.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Dispatch asks for the drivers nearest a pickup: only drivers on shift with a fresh position count, nearest first.
 * Played out in Wellington, where no other test sends drivers.
 */
class NearestDriversTests extends EndToEndTest {

	private static final double LAT = -41.2865;
	private static final double LNG = 174.7762;
	/** Degrees of latitude per kilometre. */
	private static final double KM = 1 / 111.195;

	@Autowired
	DriverLocator locator;

	@Test
	void theNearestDriversOnShiftWithAFreshPositionComeFirst() {
		Instant now = Instant.now();
		UUID near = driverAt(0.5, now, true);
		UUID middle = driverAt(2, now, true);
		UUID far = driverAt(5, now, true);
		UUID stale = driverAt(0.2, now.minus(Duration.ofMinutes(20)), true);
		UUID offShift = driverAt(0.1, now, false);
		UUID excluded = driverAt(0.3, now, true);
		UUID tooFar = driverAt(40, now, true);
		Fixtures.Person gone = driver(0.4, now, true);
		api.post("/v1/drivers/me/shift/end", gone.token(), Map.of());

		List<NearbyDriver> nearest = locator.nearestOnShift(LAT, LNG, 10, Set.of(excluded));

		assertThat(nearest).extracting(d -> d.position().driverId()).containsExactly(near, middle, far)
			.doesNotContain(stale, offShift, excluded, tooFar, UUID.fromString(gone.id()));
		assertThat(nearest.getFirst().distanceKm()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.01));
		assertThat(locator.nearestOnShift(LAT, LNG, 2, Set.of(excluded))).extracting(d -> d.position().driverId())
			.containsExactly(near, middle);
	}

	private UUID driverAt(double kmNorth, Instant at, boolean onShift) {
		return UUID.fromString(driver(kmNorth, at, onShift).id());
	}

	private Fixtures.Person driver(double kmNorth, Instant at, boolean onShift) {
		Fixtures.Person driver = fixtures.driver();
		if (onShift) {
			assertThat(api.post("/v1/drivers/me/shift/start", driver.token(), Map.of()).status()).isEqualTo(200);
		}
		assertThat(api.post("/v1/drivers/me/locations", driver.token(),
				Pings.of().at(LAT + kmNorth * KM, LNG, at).body()).status()).isEqualTo(202);
		return driver;
	}
}
