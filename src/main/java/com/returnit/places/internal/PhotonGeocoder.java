package com.returnit.places.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/**
 * Photon (komoot's OpenStreetMap geocoder): {@code GET /api?q=&limit=} and {@code GET /reverse?lat=&lon=} answer a
 * GeoJSON FeatureCollection whose points are {@code [lng, lat]} (GeoJSON's order) with {@code properties} such as
 * {@code name, street, housenumber, postcode, city, country, countrycode}. Photon has no country filter, so with
 * {@code countries} set more are asked for and those elsewhere dropped.
 */
final class PhotonGeocoder implements Geocoder {

	private final ProviderHttp http;
	private final List<String> countries;

	PhotonGeocoder(ProviderHttp http, List<String> countries) {
		this.http = http;
		this.countries = countries;
	}

	@Override
	public List<Place> search(String query, int limit) {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("q", query);
		params.put("limit", String.valueOf(countries.isEmpty() ? limit : Math.min(limit * 3, 50)));
		return places(http.get("/api", params)).stream().limit(limit).toList();
	}

	@Override
	public Optional<Place> reverse(double lat, double lng) {
		return places(http.get("/reverse", Map.of("lat", ProviderHttp.coordinate(lat), "lon",
				ProviderHttp.coordinate(lng)))).stream().findFirst();
	}

	private List<Place> places(JsonNode collection) {
		JsonNode features = collection.path("features");
		if (!features.isArray()) {
			throw new ProviderUnavailable("Photon answered something other than a FeatureCollection");
		}
		return StreamSupport.stream(features.spliterator(), false)
			.filter(this::inCountries)
			.map(PhotonGeocoder::place)
			.flatMap(Optional::stream)
			.toList();
	}

	private boolean inCountries(JsonNode feature) {
		String code = feature.path("properties").path("countrycode").asString("").toLowerCase(Locale.ROOT);
		return countries.isEmpty() || countries.contains(code);
	}

	private static Optional<Place> place(JsonNode feature) {
		JsonNode coordinates = feature.path("geometry").path("coordinates");
		if (coordinates.size() < 2 || !coordinates.get(0).isNumber() || !coordinates.get(1).isNumber()) {
			return Optional.empty();
		}
		String label = label(feature.path("properties"));
		return label.isEmpty() ? Optional.empty()
				: Optional.of(new Place(label, coordinates.get(1).asDouble(), coordinates.get(0).asDouble()));
	}

	/**
	 * "Brandenburger Tor, Pariser Platz 1, 10117 Berlin, Deutschland": the name, street and number, postcode and city,
	 * country, each once (a city's own name is left to "postcode city", a street's to "street number").
	 */
	static String label(JsonNode properties) {
		String street = join(text(properties, "street"), text(properties, "housenumber"));
		String town = join(text(properties, "postcode"), text(properties, "city"));
		String name = text(properties, "name");
		if (!town.isEmpty() && name.equals(text(properties, "city"))
				|| !street.isEmpty() && name.equals(text(properties, "street"))) {
			name = "";
		}
		List<String> parts = new ArrayList<>();
		for (String part : List.of(name, street, town, text(properties, "country"))) {
			if (!part.isEmpty() && !parts.contains(part)) {
				parts.add(part);
			}
		}
		return String.join(", ", parts);
	}

	private static String text(JsonNode properties, String field) {
		return properties.path(field).asString("").trim();
	}

	private static String join(String first, String second) {
		return first.isEmpty() ? second : second.isEmpty() ? first : first + " " + second;
	}
}
