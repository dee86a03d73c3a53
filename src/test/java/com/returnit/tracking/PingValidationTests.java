package com.returnit.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import com.returnit.support.JsonBody;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** A bad ping is answered 400 with a problem naming the ping by its index, and nothing of the batch is stored. */
class PingValidationTests extends EndToEndTest {

	private static Fixtures.Person driver;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void oneDriver() {
		if (driver == null) {
			driver = fixtures.driver();
		}
	}

	static Stream<Arguments> badBatches() {
		Instant now = Instant.now();
		Map<String, Object> ping = Pings.of().at(52.52, 13.405, now).body();
		JsonBody four = JsonBody.of(Pings.of().at(52.52, 13.405, now.minusSeconds(30))
			.at(52.5201, 13.405, now.minusSeconds(20)).at(52.5202, 13.405, now.minusSeconds(10))
			.at(52.5203, 13.405, now).body());
		Object ok = Api.JSON.valueToTree(ping).get("pings").get(0);
		return Stream.of(
				Arguments.of("latitude above 90", four.with("pings[3].lat", 90.5), "pings[3].lat"),
				Arguments.of("latitude below -90", four.with("pings[0].lat", -90.5), "pings[0].lat"),
				Arguments.of("longitude beyond 180", four.with("pings[1].lng", 181), "pings[1].lng"),
				Arguments.of("negative accuracy", four.with("pings[2].accuracyM", -1), "pings[2].accuracyM"),
				Arguments.of("negative speed", four.with("pings[1].speedMps", -3), "pings[1].speedMps"),
				Arguments.of("heading beyond 360", four.with("pings[3].headingDeg", 361), "pings[3].headingDeg"),
				Arguments.of("recorded 5 minutes ahead", four.with("pings[1].recordedAt",
						now.plus(Duration.ofMinutes(5)).toString()), "pings[1].recordedAt"),
				Arguments.of("recorded before the retention", four.with("pings[2].recordedAt",
						now.minus(Duration.ofDays(31)).toString()), "pings[2].recordedAt"),
				Arguments.of("latitude null", four.with("pings[0].lat", null), "pings[0].lat"),
				Arguments.of("recordedAt missing", four.without("pings[1].recordedAt"), "pings[1].recordedAt"),
				Arguments.of("latitude not a number", four.with("pings[2].lat", "north"), "pings[2].lat"),
				Arguments.of("recordedAt not a timestamp", four.with("pings[0].recordedAt", "yesterday"),
						"pings[0].recordedAt"),
				Arguments.of("a null ping", four.with("pings[1]", null), "pings[1]"),
				Arguments.of("an unknown field", four.with("pings[3].altitude", 34), "pings[3].altitude"),
				Arguments.of("no pings", four.with("pings", List.of()), "pings"),
				Arguments.of("101 pings", four.with("pings", Collections.nCopies(101, ok)), "pings"),
				Arguments.of("pings missing", four.without("pings"), "pings"),
				Arguments.of("pings not a list", four.with("pings", "here"), "pings"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badBatches")
	void aBadPingIsNamedByItsIndex(String what, JsonBody body, String field) {
		Api.Response response = api.post("/v1/drivers/me/locations", driver.token(), body.toString());

		assertThat(response.status()).as(response.body().toString()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(fields(response.body())).as(response.body().toString()).containsExactly(field);
		assertThat(jdbc.sql("SELECT count(*) FROM driver_pings WHERE driver_id = :d")
			.param("d", UUID.fromString(driver.id())).query(Long.class).single()).isZero();
	}

	private static List<String> fields(JsonNode problem) {
		return problem.get("errors").valueStream().map(error -> error.get("field").asString()).toList();
	}
}
