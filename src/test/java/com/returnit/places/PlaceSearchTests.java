package com.returnit.places;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.Api;
import com.returnit.support.ControlledWorldTest;
import com.returnit.support.GeocoderStub;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Address search through a geocoder speaking Nominatim's JSON (a local stub): for anyone, cached, and when the
 * geocoder hangs or fails a 503 problem within the timeout (1 s here), then at once while its circuit is open.
 */
class PlaceSearchTests extends ControlledWorldTest {

	@Autowired
	CircuitBreakerRegistry breakers;

	@BeforeEach
	void closedCircuit() {
		breakers.circuitBreaker("geocoder").reset();
	}

	@Test
	void anyoneFindsAddressesByTextWithoutLoggingIn() {
		Api.Response found = api.get("/v1/places/search?query=" + encode("Pariser Platz") + "&limit=3", null);

		assertThat(found.status()).as(found.body().toString()).isEqualTo(200);
		assertThat(found.header("RateLimit-Policy")).startsWith("\"anonymous\"");
		assertThat(found.body().get("available").asBoolean()).isTrue();
		JsonNode place = found.body().get("data").get(0);
		assertThat(place.get("label").asString()).isEqualTo("Brandenburger Tor, Pariser Platz 1, 10117 Berlin, Deutschland");
		assertThat(place.get("lat").asDouble()).isEqualTo(52.5162746);
		assertThat(place.get("lng").asDouble()).isEqualTo(13.3777041);
		assertThat(place.propertyNames()).containsExactlyInAnyOrder("label", "lat", "lng");
		GeocoderStub.Request asked = GEOCODER.requests().getFirst();
		assertThat(asked.query()).containsEntry("q", "Pariser Platz").containsEntry("limit", "3")
			.containsEntry("format", "jsonv2");
		assertThat(asked.userAgent()).isEqualTo("ReturnIt/test (ops@returnit.local)");
		assertThat(api.get("/v1/places/search?query=Pariser%20Platz", fixtures.customer().token()).status())
			.as("and logged-in callers").isEqualTo(200);
	}

	@Test
	void theSameQuestionAgainIsAnsweredFromTheCache() {
		JsonNode first = api.get("/v1/places/search?query=" + encode("Torstraße 140"), null).body();
		JsonNode again = api.get("/v1/places/search?query=" + encode("  torstraße   140 "), null).body();

		assertThat(again).isEqualTo(first);
		assertThat(first.get("data")).isNotEmpty();
		assertThat(GEOCODER.requests()).hasSize(1);
	}

	@Test
	void aDroppedPinBecomesAnAddressAndOpenSeaBecomesNone() {
		JsonNode pin = api.get("/v1/places/reverse?lat=52.52901&lng=13.40102", null).body();
		JsonNode sea = api.get("/v1/places/reverse?lat=54.5&lng=7.1", null).body();

		assertThat(pin.get("available").asBoolean()).isTrue();
		assertThat(pin.get("data")).hasSize(1);
		assertThat(pin.get("data").get(0).get("label").asString()).isEqualTo("Torstraße 1, 10119 Berlin, Deutschland");
		assertThat(sea.get("available").asBoolean()).isTrue();
		assertThat(sea.get("data")).isEmpty();
		assertThat(GEOCODER.requests().getFirst().path()).isEqualTo("/reverse");
	}

	@Test
	void aHangingGeocoderIsA503WithinTheTimeoutThenAtOnceWhileItsCircuitIsOpen() {
		GEOCODER.mode(GeocoderStub.Mode.HANG);
		for (String query : List.of("Hanging One", "Hanging Two", "Hanging Three")) {
			long started = System.nanoTime();
			Api.Response answer = api.get("/v1/places/search?query=" + encode(query), null);
			Duration took = Duration.ofNanos(System.nanoTime() - started);

			assertThat(answer.status()).as(query).isEqualTo(503);
			assertThat(answer.contentType()).startsWith("application/problem+json");
			assertThat(answer.header("Retry-After")).isEqualTo("10");
			assertThat(answer.text("detail")).contains("drop a pin");
			assertThat(took).as(query).isBetween(Duration.ofMillis(900), Duration.ofMillis(2_500));
		}

		long started = System.nanoTime();
		Api.Response shortCircuited = api.get("/v1/places/reverse?lat=52.5&lng=13.4", null);
		assertThat(shortCircuited.status()).isEqualTo(503);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
		assertThat(GEOCODER.requests()).as("the open circuit does not ask").hasSize(3);
	}

	@Test
	void aGeocoderAnsweringAnErrorOrNotJsonIsA503NeverA500() {
		GEOCODER.mode(GeocoderStub.Mode.FAIL);
		assertThat(api.get("/v1/places/search?query=Failing%20Street", null).status()).isEqualTo(503);
		GEOCODER.mode(GeocoderStub.Mode.GARBAGE);
		Api.Response garbage = api.get("/v1/places/reverse?lat=52.51&lng=13.39", null);
		assertThat(garbage.status()).isEqualTo(503);
		assertThat(garbage.contentType()).startsWith("application/problem+json");
	}

	@Test
	void badQueriesArea400NamingTheParameterAndNeverReachTheGeocoder() {
		assertNamed(api.get("/v1/places/search?query=ab", null), "query");
		assertNamed(api.get("/v1/places/search?query=%20%20abc%20", null), null);
		assertNamed(api.get("/v1/places/search", null), "query");
		assertNamed(api.get("/v1/places/search?query=" + "x".repeat(201), null), "query");
		assertNamed(api.get("/v1/places/search?query=Torstrasse&limit=11", null), "limit");
		assertNamed(api.get("/v1/places/reverse?lat=91&lng=13.4", null), "lat");
		assertNamed(api.get("/v1/places/reverse?lat=52.5&lng=-180.5", null), "lng");
		assertNamed(api.get("/v1/places/reverse?lat=north&lng=13.4", null), "lat");
		Api.Response neither = api.get("/v1/places/reverse", null);
		assertThat(neither.body().get("errors")).extracting(e -> e.get("field").asString()).containsExactly("lat", "lng");
		assertThat(GEOCODER.requests()).as("only the valid three-letter query").hasSize(1);
	}

	/** A 400 problem naming the field; null: the request was valid (a 200). */
	private static void assertNamed(Api.Response answer, String field) {
		if (field == null) {
			assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
			return;
		}
		assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.body().get("errors").get(0).get("field").asString()).isEqualTo(field);
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}
}
