package com.returnit.tracking.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.platform.FieldError;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PingRulesTests {

	private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
	private final PingRules rules = new PingRules(Duration.ofDays(30));

	@Test
	void aSensiblePingBreaksNoRule() {
		assertThat(rules.violations(List.of(new Ping(52.5, 13.4, NOW, 5.0, 8.0, 360.0)), NOW)).isEmpty();
	}

	@ParameterizedTest(name = "{0} = {1}")
	@CsvSource({ "lat, 90.0001", "lat, -91", "lng, 180.5", "lng, -181", "accuracyM, -1", "speedMps, -0.1",
			"headingDeg, 360.1", "headingDeg, -1", "recordedAt, 61", "recordedAt, -2592001" })
	void aValueOutOfRangeIsNamedWithItsPingIndex(String field, double value) {
		List<Ping> pings = List.of(ok(), ok(), ok(), with(field, value));

		List<FieldError> errors = rules.violations(pings, NOW);

		assertThat(errors).extracting(FieldError::field).containsExactly("pings[3]." + field);
	}

	@Test
	void everyBrokenRuleOfEveryPingIsReported() {
		List<FieldError> errors = rules.violations(List.of(new Ping(91, 181, NOW, -1.0, null, null), ok()), NOW);

		assertThat(errors).extracting(FieldError::field).containsExactly("pings[0].lat", "pings[0].lng",
				"pings[0].accuracyM");
	}

	@Test
	void aBatchHoldsOneToAHundredPings() {
		assertThat(rules.violations(List.of(), NOW)).extracting(FieldError::field).containsExactly("pings");
		assertThat(rules.violations(Collections.nCopies(101, ok()), NOW)).extracting(FieldError::field)
			.containsExactly("pings");
		assertThat(rules.violations(Collections.nCopies(100, ok()), NOW)).isEmpty();
	}

	private static Ping ok() {
		return new Ping(52.5, 13.4, NOW, null, null, null);
	}

	private static Ping with(String field, double value) {
		return switch (field) {
			case "lat" -> new Ping(value, 13.4, NOW, null, null, null);
			case "lng" -> new Ping(52.5, value, NOW, null, null, null);
			case "accuracyM" -> new Ping(52.5, 13.4, NOW, value, null, null);
			case "speedMps" -> new Ping(52.5, 13.4, NOW, null, value, null);
			case "headingDeg" -> new Ping(52.5, 13.4, NOW, null, null, value);
			default -> new Ping(52.5, 13.4, NOW.plusSeconds((long) value), null, null, null);
		};
	}
}
