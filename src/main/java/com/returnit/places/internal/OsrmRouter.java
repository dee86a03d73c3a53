package com.returnit.places.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * OSRM's route service: {@code GET /route/v1/{profile}/{lng},{lat};{lng},{lat}?overview=full&geometries=geojson}
 * answers {@code {code: "Ok", routes: [{distance, duration, geometry: {coordinates: [[lng, lat], ...]}}]}}; no route
 * is a 400 with {@code code: "NoRoute"} (a {@link ProviderUnavailable}, as is any other answer without a route).
 */
final class OsrmRouter implements Router {

	private final ProviderHttp http;
	private final String profile;

	OsrmRouter(ProviderHttp http, String profile) {
		this.http = http;
		this.profile = profile;
	}

	@Override
	public Route between(double fromLat, double fromLng, double toLat, double toLng) {
		String places = ProviderHttp.coordinate(fromLng) + "," + ProviderHttp.coordinate(fromLat) + ";"
				+ ProviderHttp.coordinate(toLng) + "," + ProviderHttp.coordinate(toLat);
		JsonNode answer = http.get("/route/v1/" + profile + "/" + places,
				Map.of("overview", "full", "geometries", "geojson", "steps", "false"));
		JsonNode route = answer.path("routes").path(0);
		JsonNode coordinates = route.path("geometry").path("coordinates");
		if (!"Ok".equals(answer.path("code").asString("")) || !coordinates.isArray() || coordinates.size() < 2) {
			throw new ProviderUnavailable("the router answered no route: " + answer.path("code").asString("?"));
		}
		List<double[]> path = new ArrayList<>(coordinates.size());
		for (JsonNode point : coordinates) {
			path.add(new double[] { point.path(1).asDouble(), point.path(0).asDouble() });
		}
		return new Route(true, route.path("distance").asDouble(), route.path("duration").asDouble(), List.copyOf(path));
	}
}
