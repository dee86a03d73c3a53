package com.returnit.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A geocoder on 127.0.0.1 that speaks Nominatim's JSON (jsonv2: coordinates as strings, an error object where
 * nothing is found) or Photon's GeoJSON (coordinates [lng, lat]) over a small gazetteer, records every request, and
 * can be told to hang, fail with a 500, or answer something that is not JSON.
 */
public final class GeocoderStub implements AutoCloseable {

	public enum Dialect {
		NOMINATIM, PHOTON
	}

	public enum Mode {
		SERVE, HANG, FAIL, GARBAGE
	}

	/** A request as received: path, decoded query parameters, User-Agent. */
	public record Request(String path, Map<String, String> query, String userAgent) {
	}

	/** An address the stub knows. */
	public record Entry(String name, String street, String housenumber, String postcode, String city, String country,
			String countryCode, double lat, double lng) {

		/** As Nominatim shows it: "Brandenburger Tor, Pariser Platz 1, 10117 Berlin, Deutschland". */
		public String displayName() {
			return (name.isEmpty() ? "" : name + ", ") + street + " " + housenumber + ", " + postcode + " " + city + ", "
					+ country;
		}
	}

	public static final List<Entry> GAZETTEER = List.of(
			new Entry("", "Torstraße", "1", "10119", "Berlin", "Deutschland", "DE", 52.5290, 13.4010),
			new Entry("Brandenburger Tor", "Pariser Platz", "1", "10117", "Berlin", "Deutschland", "DE", 52.5162746,
					13.3777041),
			new Entry("", "Torstraße", "140", "10119", "Berlin", "Deutschland", "DE", 52.5301, 13.3975),
			new Entry("Stephansdom", "Stephansplatz", "3", "1010", "Wien", "Österreich", "AT", 48.2084, 16.3731),
			new Entry("Gewandhaus", "Augustusplatz", "8", "04109", "Leipzig", "Deutschland", "DE", 51.33790, 12.38070));

	private final HttpServer server;
	private final Dialect dialect;
	private final List<Request> requests = new CopyOnWriteArrayList<>();
	private final CountDownLatch closing = new CountDownLatch(1);
	private volatile Mode mode = Mode.SERVE;

	private GeocoderStub(Dialect dialect) throws IOException {
		this.dialect = dialect;
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		server.createContext("/", this::handle);
		server.start();
	}

	public static GeocoderStub start(Dialect dialect) {
		try {
			return new GeocoderStub(dialect);
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	public void mode(Mode mode) {
		this.mode = mode;
	}

	public List<Request> requests() {
		return List.copyOf(requests);
	}

	public void reset() {
		requests.clear();
		mode = Mode.SERVE;
	}

	@Override
	public void close() {
		closing.countDown();
		server.stop(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
		requests.add(new Request(exchange.getRequestURI().getPath(), query,
				exchange.getRequestHeaders().getFirst("User-Agent")));
		try (exchange) {
			switch (mode) {
				case HANG -> {
					try {
						closing.await(60, TimeUnit.SECONDS);
					}
					catch (InterruptedException e) {
						Thread.currentThread().interrupt();
					}
				}
				case FAIL -> answer(exchange, 500, "text/plain", "Internal Server Error");
				case GARBAGE -> answer(exchange, 200, "text/html", "<html>Service temporarily unavailable</html>");
				case SERVE -> answer(exchange, 200, "application/json",
						dialect == Dialect.NOMINATIM ? nominatim(exchange.getRequestURI().getPath(), query)
								: photon(exchange.getRequestURI().getPath(), query));
			}
		}
	}

	private static String nominatim(String path, Map<String, String> query) {
		if (path.equals("/reverse")) {
			Entry nearest = nearest(query);
			return nearest == null ? "{\"error\":\"Unable to geocode\"}" : Api.JSON.writeValueAsString(nominatimPlace(nearest));
		}
		List<String> countries = query.containsKey("countrycodes")
				? Arrays.asList(query.get("countrycodes").toUpperCase(Locale.ROOT).split(",")) : List.of();
		List<Map<String, Object>> found = matching(query.get("q")).stream()
			.filter(e -> countries.isEmpty() || countries.contains(e.countryCode()))
			.limit(Integer.parseInt(query.getOrDefault("limit", "10")))
			.map(GeocoderStub::nominatimPlace).toList();
		return Api.JSON.writeValueAsString(found);
	}

	private static Map<String, Object> nominatimPlace(Entry e) {
		Map<String, Object> place = new LinkedHashMap<>();
		place.put("place_id", Math.abs(e.displayName().hashCode()));
		place.put("licence", "Data © OpenStreetMap contributors, ODbL 1.0. http://osm.org/copyright");
		place.put("osm_type", "node");
		place.put("osm_id", Math.abs((long) e.displayName().hashCode()) * 7);
		place.put("lat", String.valueOf(e.lat()));
		place.put("lon", String.valueOf(e.lng()));
		place.put("category", "place");
		place.put("type", "house");
		place.put("place_rank", 30);
		place.put("importance", 0.00000999999999995449);
		place.put("addresstype", "place");
		place.put("name", e.name());
		place.put("display_name", e.displayName());
		place.put("boundingbox", List.of(String.valueOf(e.lat() - 0.0001), String.valueOf(e.lat() + 0.0001),
				String.valueOf(e.lng() - 0.0001), String.valueOf(e.lng() + 0.0001)));
		return place;
	}

	private static String photon(String path, Map<String, String> query) {
		List<Entry> found = path.equals("/reverse") ? (nearest(query) == null ? List.of() : List.of(nearest(query)))
				: matching(query.get("q")).stream().limit(Integer.parseInt(query.getOrDefault("limit", "15"))).toList();
		List<Map<String, Object>> features = new ArrayList<>();
		for (Entry e : found) {
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("osm_type", "N");
			properties.put("osm_id", Math.abs((long) e.displayName().hashCode()));
			properties.put("osm_key", "place");
			properties.put("osm_value", "house");
			properties.put("type", "house");
			properties.put("countrycode", e.countryCode());
			if (!e.name().isEmpty()) {
				properties.put("name", e.name());
			}
			properties.put("street", e.street());
			properties.put("housenumber", e.housenumber());
			properties.put("postcode", e.postcode());
			properties.put("city", e.city());
			properties.put("country", e.country());
			features.add(Map.of("type", "Feature",
					"geometry", Map.of("type", "Point", "coordinates", List.of(e.lng(), e.lat())),
					"properties", properties));
		}
		return Api.JSON.writeValueAsString(Map.of("type", "FeatureCollection", "features", features));
	}

	private static List<Entry> matching(String q) {
		String wanted = q == null ? "" : q.toLowerCase(Locale.ROOT);
		return GAZETTEER.stream().filter(e -> e.displayName().toLowerCase(Locale.ROOT).contains(wanted)
				|| wanted.contains(e.street().toLowerCase(Locale.ROOT))).toList();
	}

	/** The entry within about a kilometre of lat/lon, nearest first. */
	private static Entry nearest(Map<String, String> query) {
		double lat = Double.parseDouble(query.get("lat"));
		double lng = Double.parseDouble(query.get("lon"));
		return GAZETTEER.stream()
			.filter(e -> Math.abs(e.lat() - lat) < 0.01 && Math.abs(e.lng() - lng) < 0.01)
			.min(Comparator.comparingDouble(e -> Math.hypot(e.lat() - lat, e.lng() - lng))).orElse(null);
	}

	private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	private static Map<String, String> query(String raw) {
		Map<String, String> query = new LinkedHashMap<>();
		if (raw == null || raw.isEmpty()) {
			return query;
		}
		for (String pair : raw.split("&")) {
			int eq = pair.indexOf('=');
			query.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
					eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
		}
		return query;
	}
}
