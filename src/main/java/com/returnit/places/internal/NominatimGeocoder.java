package com.returnit.places.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/**
 * Nominatim (OpenStreetMap's geocoder): {@code GET /search?q=&format=jsonv2&limit=&addressdetails=0} answers an
 * array of {@code {lat: "52.5", lon: "13.4", display_name}} (coordinates as strings); {@code GET
 * /reverse?lat=&lon=&format=jsonv2} one such object, or {@code {error: "Unable to geocode"}} where there is nothing.
 */
final class NominatimGeocoder implements Geocoder {

	private final ProviderHttp http;
	private final List<String> countries;

	NominatimGeocoder(ProviderHttp http, List<String> countries) {
		this.http = http;
		this.countries = countries;
	}

	@Override
	public List<Place> search(String query, int limit) {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("q", query);
		params.put("format", "jsonv2");
		params.put("limit", String.valueOf(limit));
		params.put("addressdetails", "0");
		if (!countries.isEmpty()) {
			params.put("countrycodes", String.join(",", countries));
		}
		JsonNode answer = http.get("/search", params);
		if (!answer.isArray()) {
			throw new ProviderUnavailable("Nominatim answered a search with something other than an array");
		}
		return StreamSupport.stream(answer.spliterator(), false).map(NominatimGeocoder::place)
			.flatMap(Optional::stream).limit(limit).toList();
	}

	@Override
	public Optional<Place> reverse(double lat, double lng) {
		JsonNode answer = http.get("/reverse", Map.of("lat", ProviderHttp.coordinate(lat), "lon",
				ProviderHttp.coordinate(lng), "format", "jsonv2"));
		return answer.has("error") ? Optional.empty() : place(answer);
	}

	private static Optional<Place> place(JsonNode node) {
		try {
			String label = node.path("display_name").asString("");
			double lat = Double.parseDouble(node.path("lat").asString(""));
			double lng = Double.parseDouble(node.path("lon").asString(""));
			return label.isBlank() ? Optional.empty() : Optional.of(new Place(label, lat, lng));
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
	}
}
