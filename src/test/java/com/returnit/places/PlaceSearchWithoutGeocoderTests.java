package com.returnit.places;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import org.junit.jupiter.api.Test;

/** Without a geocoder (returnit.geocoder.provider=none, the default) the search says so and the client drops a pin. */
class PlaceSearchWithoutGeocoderTests extends EndToEndTest {

	@Test
	void searchAndReverseAnswerThatNoAddressSearchIsAvailable() {
		for (String path : new String[] { "/v1/places/search?query=Torstrasse%201", "/v1/places/reverse?lat=52.5&lng=13.4" }) {
			Api.Response answer = api.get(path, null);

			assertThat(answer.status()).as(path).isEqualTo(200);
			assertThat(answer.header("RateLimit-Policy")).startsWith("\"anonymous\"");
			assertThat(answer.body().get("available").asBoolean()).isFalse();
			assertThat(answer.body().get("data")).isEmpty();
		}
	}

	@Test
	void badInputIsStillA400NamingTheParameter() {
		Api.Response shortQuery = api.get("/v1/places/search?query=ab", null);
		Api.Response badLat = api.get("/v1/places/reverse?lat=-91&lng=13.4", fixtures.customer().token());

		assertThat(shortQuery.status()).isEqualTo(400);
		assertThat(shortQuery.body().get("errors").get(0).get("field").asString()).isEqualTo("query");
		assertThat(badLat.status()).isEqualTo(400);
		assertThat(badLat.body().get("errors").get(0).get("field").asString()).isEqualTo("lat");
	}
}
