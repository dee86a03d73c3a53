package com.returnit.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Drivers' malformed requests get a 4xx problem naming the field, like every other endpoint. */
class DriverInputTests extends EndToEndTest {

	private static final String ORDER = "/v1/orders/" + UUID.randomUUID();
	private static String driverToken;

	@BeforeEach
	void oneDriverForAllCases() {
		if (driverToken == null) {
			driverToken = fixtures.driver().token();
		}
	}

	static Stream<Arguments> malformed() {
		return Stream.of(
				Arguments.of("POST", ORDER + "/pickup", "{\"items\":[{\"sku\":\"A\",\"verified\":\"maybe\",\"condition\":\"new\"}]}", 400, "items[0].verified"),
				Arguments.of("POST", ORDER + "/pickup", "{\"items\":[{\"sku\":\"A\",\"verified\":true,\"condition\":\"broken\"}]}", 400, "items[0].condition"),
				Arguments.of("POST", ORDER + "/pickup", "{\"items\":[]}", 400, "items"),
				Arguments.of("POST", ORDER + "/pickup", "{\"items\":[{\"verified\":true,\"condition\":\"new\"}]}", 400, "items[0].sku"),
				Arguments.of("POST", ORDER + "/fail", "{\"reason\":\"bored\"}", 400, "reason"),
				Arguments.of("POST", ORDER + "/fail", "{}", 400, "reason"),
				Arguments.of("POST", ORDER + "/deliver", "{\"hubId\":\"nope\"}", 400, "hubId"),
				Arguments.of("POST", "/v1/orders/not-a-uuid/en-route", "", 400, "id"),
				Arguments.of("POST", "/v1/offers/not-a-uuid/accept", "", 400, "id"),
				Arguments.of("GET", "/v1/orders/not-a-uuid/tracking", null, 400, "id"),
				Arguments.of("POST", ORDER + "/en-route", "", 404, null),
				Arguments.of("POST", "/v1/offers/" + UUID.randomUUID() + "/decline", "", 404, null),
				Arguments.of("GET", "/v1/public/tracking/" + "x".repeat(300), null, 404, null));
	}

	@ParameterizedTest(name = "{0} {1} {2} -> {3} {4}")
	@MethodSource("malformed")
	void answersAProblemNamingTheField(String method, String path, String body, int status, String field) {
		Api.Response response = api.send(method, path, driverToken, body);

		assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		if (field != null) {
			assertThat(response.body().get("errors")).extracting(e -> e.get("field").asString()).contains(field);
		}
	}
}
