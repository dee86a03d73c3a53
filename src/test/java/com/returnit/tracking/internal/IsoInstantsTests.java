package com.returnit.tracking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The character loop reads phones' UTC times exactly as java.time does, and leaves every other form to Jackson. */
class IsoInstantsTests {

	@Test
	void everyUtcTimeWithZeroToNineFractionDigitsIsReadAsJavaTimeReadsIt() {
		Random random = new Random(42);
		IntStream.range(0, 20_000).forEach(i -> {
			Instant instant = Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 4_000_000_000L), random.nextInt(1_000_000_000));
			String text = instant.toString();
			assertThat(IsoInstants.parse(text)).as(text).isEqualTo(Instant.parse(text));
			String millis = instant.toString().substring(0, 19) + ".%03dZ".formatted(instant.getNano() / 1_000_000);
			assertThat(IsoInstants.parse(millis)).as(millis).isEqualTo(Instant.parse(millis));
		});
	}

	@Test
	void aLeapDayAndTheLastSecondOfAYearAreRead() {
		assertThat(IsoInstants.parse("2028-02-29T12:00:00Z")).isEqualTo(Instant.parse("2028-02-29T12:00:00Z"));
		assertThat(IsoInstants.parse("2026-12-31T23:59:59.999999999Z")).isEqualTo(Instant.parse("2026-12-31T23:59:59.999999999Z"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-11-22T16:04:05+01:00", "2026-11-22T16:04Z", "2026-11-22 16:04:05Z", "2026-02-30T10:00:00Z",
			"2026-13-01T10:00:00Z", "2026-11-22T24:00:00Z", "2026-11-22T16:60:05Z", "2026-11-22T16:04:05.Z",
			"2026-11-22T16:04:05.1234567890Z", "2026-11-22T16:04:05,5Z", "+2026-11-22T16:04:05Z", "2026-1a-22T16:04:05Z",
			"2026-11-22t16:04:05z", "" })
	void anyOtherFormIsLeftToJackson(String text) {
		assertThat(IsoInstants.parse(text)).isNull();
	}
}
