package com.returnit.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.RouterStub;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A driver's way to the pickup, by road from the configured router (an OSRM on 127.0.0.1, {@link RouterStub}, whose
 * streets make an L between two places): asked once for the same two places, the straight line said to be one where
 * the router has no route, a 400 naming each bad coordinate, and only for drivers and operators.
 */
class RoadRouteTests extends EndToEndTest {

	@Test
	void aDriverGetsTheRouteAlongTheRoadsWithItsLengthAndDrivingTime() {
		var driver = fixtures.driver();

		Api.Response route = api.get(path(52.5079, 13.4531, 52.5200, 13.4100), driver.token());

		assertThat(route.status()).as(route.body().toString()).isEqualTo(200);
		assertThat(route.body().get("road").asBoolean()).isTrue();
		assertThat(points(route.body())).containsExactly(List.of(52.5079, 13.4531), List.of(52.52, 13.4531),
				List.of(52.52, 13.41));
		double metres = RouterStub.metres(52.5079, 13.4531, 52.5200, 13.4100);
		assertThat(route.body().get("distanceM").asDouble()).isCloseTo(metres, within(1.0));
		assertThat(route.body().get("durationS").asDouble()).isCloseTo(metres / (30 / 3.6), within(1.0));
	}

	@Test
	void theSameTwoPlacesAgainAreAnsweredWithoutAskingTheRouter() {
		String token = fixtures.driver().token();
		int before = ROUTER.requests().size();

		JsonNode first = api.get(path(52.4011, 13.0591, 52.3906, 13.0645), token).body();
		// a few metres on: the same route
		JsonNode again = api.get(path(52.40112, 13.05913, 52.3906, 13.0645), token).body();

		assertThat(again).isEqualTo(first);
		assertThat(ROUTER.requests().size() - before).isEqualTo(1);
	}

	@Test
	void whereTheRouterHasNoRouteTheStraightLineIsGivenAndSaidToBeOne() {
		Api.Response route = api.get(path(-33.9249, 18.4241, -33.9180, 18.4233), fixtures.driver().token());

		assertThat(route.status()).as(route.body().toString()).isEqualTo(200);
		assertThat(route.body().get("road").asBoolean()).isFalse();
		assertThat(points(route.body())).containsExactly(List.of(-33.9249, 18.4241), List.of(-33.918, 18.4233));
		assertThat(route.body().get("distanceM").asInt()).isBetween(760, 780);
		assertThat(route.body().get("durationS").isNull()).isTrue();
	}

	@Test
	void badCoordinatesAreRefusedNamingEachField() {
		Api.Response refused = api.get("/v1/routes?fromLat=91&fromLng=13.4&toLat=52.5", fixtures.driver().token());

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.body().get("errors")).extracting(e -> e.get("field").asString())
			.containsExactly("fromLat", "toLng");
	}

	@Test
	void customersAndAnonymousCallersGetNoRoutes() {
		String path = path(52.5079, 13.4531, 52.5200, 13.4100);

		assertThat(api.get(path, fixtures.customer().token()).status()).isEqualTo(403);
		assertThat(api.get(path, null).status()).isEqualTo(401);
		assertThat(api.get(path, fixtures.operatorToken()).status()).as("operators may").isEqualTo(200);
	}

	private static String path(double fromLat, double fromLng, double toLat, double toLng) {
		return "/v1/routes?fromLat=" + fromLat + "&fromLng=" + fromLng + "&toLat=" + toLat + "&toLng=" + toLng;
	}

	private static List<List<Double>> points(JsonNode route) {
		return route.get("path").valueStream().map(p -> List.of(p.get(0).asDouble(), p.get(1).asDouble())).toList();
	}
}
