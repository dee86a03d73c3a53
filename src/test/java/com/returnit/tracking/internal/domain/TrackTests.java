package com.returnit.tracking.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.tracking.Position;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TrackTests {

	private static final UUID DRIVER = UUID.randomUUID();
	private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");

	@Test
	void aDriverMovingAtCitySpeedIsNeverFlaggedAndEndsAtTheNewestFix() {
		Track track = new Track(DRIVER, new Position(DRIVER, 52.5000, 13.4000, T0), 70);

		assertThat(track.flagsJump(ping(52.5010, 13.4000, T0.plusSeconds(10)))).isFalse();
		assertThat(track.flagsJump(ping(52.5020, 13.4000, T0.plusSeconds(20)))).isFalse();

		assertThat(track.movedTo()).hasValue(new Position(DRIVER, 52.5020, 13.4000, T0.plusSeconds(20)));
	}

	@Test
	void aJumpOfTenKilometresInTenSecondsIsFlaggedAndDoesNotMoveTheDriver() {
		Track track = new Track(DRIVER, new Position(DRIVER, 52.50, 13.40, T0), 70);

		assertThat(track.flagsJump(ping(52.59, 13.40, T0.plusSeconds(10)))).isTrue();
		assertThat(track.flagsJump(ping(52.5001, 13.40, T0.plusSeconds(20)))).as("back on the real path").isFalse();

		assertThat(track.movedTo()).hasValue(new Position(DRIVER, 52.5001, 13.40, T0.plusSeconds(20)));
	}

	@Test
	void aLateOlderPingIsStoredButDoesNotMoveTheLatestPositionBack() {
		Track track = new Track(DRIVER, new Position(DRIVER, 52.50, 13.40, T0), 70);

		assertThat(track.flagsJump(ping(52.4999, 13.40, T0.minusSeconds(30)))).isFalse();

		assertThat(track.movedTo()).isEmpty();
	}

	@Test
	void theFirstPingEverIsBelieved() {
		Track track = new Track(DRIVER, null, 70);

		assertThat(track.flagsJump(ping(-33.9, 151.2, T0))).isFalse();
		assertThat(track.movedTo()).isPresent();
	}

	private static Ping ping(double lat, double lng, Instant at) {
		return new Ping(lat, lng, at, null, null, null);
	}
}
