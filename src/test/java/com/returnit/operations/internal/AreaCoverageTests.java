package com.returnit.operations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AreaCoverageTests {

	private static final ReadModel.Area BERLIN = new ReadModel.Area(java.util.UUID.randomUUID(), "Berlin", List.of(new double[] { 52.60, 13.10 },
			new double[] { 52.60, 13.70 }, new double[] { 52.38, 13.70 }, new double[] { 52.38, 13.10 }));
	private static final ReadModel.Point MITTE = new ReadModel.Point(52.52, 13.40);

	@Test
	void anAreaWithPickupsDueAndNoDriverInsideIsUncovered() {
		var hamburgDriver = driverAt(53.55, 9.99);

		AreaCoverage berlin = AreaCoverage.of(List.of(BERLIN), List.of(hamburgDriver), List.of(MITTE)).get(0);

		assertThat(berlin.pickupsDue()).isEqualTo(1);
		assertThat(berlin.driversOnShift()).isZero();
		assertThat(berlin.uncovered()).isTrue();
	}

	@Test
	void aDriverInsideCoversTheArea() {
		AreaCoverage berlin = AreaCoverage.of(List.of(BERLIN), List.of(driverAt(52.5, 13.3)), List.of(MITTE)).get(0);

		assertThat(berlin.uncovered()).isFalse();
	}

	@Test
	void aQuietAreaIsNeverUncoveredAndADriverWithoutPositionIsInNoArea() {
		var noPosition = new ReadModel.DriverOnShift(UUID.randomUUID(), null, null, null);

		AreaCoverage berlin = AreaCoverage.of(List.of(BERLIN), List.of(noPosition), List.of()).get(0);

		assertThat(berlin.driversOnShift()).isZero();
		assertThat(berlin.uncovered()).isFalse();
	}

	private static ReadModel.DriverOnShift driverAt(double lat, double lng) {
		return new ReadModel.DriverOnShift(UUID.randomUUID(), lat, lng, Instant.now());
	}
}
