package com.returnit.policy.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ServiceAreaTests {

	/** Central Berlin as a rectangle of [lat, lng] corners. */
	private static final ServiceArea BERLIN = area(List.of(new double[] { 52.60, 13.10 },
			new double[] { 52.60, 13.70 }, new double[] { 52.38, 13.70 }, new double[] { 52.38, 13.10 }));

	/**
	 * A U open to the north: two arms (lng 0..1 and 2..3) joined by a base (lat 0..1). Its notch (lat 1..3,
	 * lng 1..2) lies inside the bounding box but outside the area.
	 */
	private static final ServiceArea HORSESHOE = area(List.of(new double[] { 0, 0 }, new double[] { 3, 0 },
			new double[] { 3, 1 }, new double[] { 1, 1 }, new double[] { 1, 2 }, new double[] { 3, 2 },
			new double[] { 3, 3 }, new double[] { 0, 3 }));

	@Test
	void aPickupInMitteIsInsideBerlin() {
		assertThat(BERLIN.contains(52.529, 13.401)).isTrue();
	}

	@Test
	void aPickupInMunichIsOutsideBerlin() {
		assertThat(BERLIN.contains(48.137, 11.575)).isFalse();
	}

	@Test
	void aPickupJustPastAnEdgeIsOutside() {
		assertThat(BERLIN.contains(52.50, 13.7001)).isFalse();
		assertThat(BERLIN.contains(52.3799, 13.40)).isFalse();
	}

	@Test
	void aPickupInEitherArmOrTheBaseOfAConcaveAreaIsInside() {
		assertThat(HORSESHOE.contains(2.5, 0.5)).isTrue();
		assertThat(HORSESHOE.contains(2.5, 2.5)).isTrue();
		assertThat(HORSESHOE.contains(0.5, 1.5)).isTrue();
	}

	@Test
	void aPickupInTheNotchOfAConcaveAreaIsOutsideThoughWithinItsBoundingBox() {
		assertThat(HORSESHOE.contains(2, 1.5)).isFalse();
		assertThat(HORSESHOE.minLat() <= 2 && 2 <= HORSESHOE.maxLat()).isTrue();
		assertThat(HORSESHOE.minLng() <= 1.5 && 1.5 <= HORSESHOE.maxLng()).isTrue();
	}

	@Test
	void theBoundingBoxSpansTheOuterVertices() {
		assertThat(new double[] { BERLIN.minLat(), BERLIN.maxLat(), BERLIN.minLng(), BERLIN.maxLng() })
			.containsExactly(52.38, 52.60, 13.10, 13.70);
	}

	private static ServiceArea area(List<double[]> polygon) {
		return new ServiceArea(UUID.randomUUID(), "Area under test", polygon, Instant.parse("2026-03-02T10:00:00Z"));
	}
}
