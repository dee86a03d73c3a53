package com.returnit.support;

import com.returnit.platform.Geo;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A road router on 127.0.0.1 that speaks OSRM's route service: its streets run north-south and east-west only, so
 * every route goes along the start's meridian to the end's latitude, then along that parallel (three points, an L);
 * 30 km/h. South of the equator is sea: no route there ({@code 400 NoRoute}, as OSRM answers). Records every request.
 */
public final class RouterStub {

	private static final Pattern ROUTE = Pattern
		.compile("/route/v1/driving/(-?[0-9.]+),(-?[0-9.]+);(-?[0-9.]+),(-?[0-9.]+)");
	private static final double METRES_PER_SECOND = 30 / 3.6;

	private final HttpServer server;
	private final List<String> requests = new CopyOnWriteArrayList<>();

	private RouterStub() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		server.createContext("/", this::handle);
		server.start();
	}

	public static RouterStub start() {
		try {
			return new RouterStub();
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	/** The paths asked for, oldest first. */
	public List<String> requests() {
		return List.copyOf(requests);
	}

	/** The corner of the L between two places: [lat, lng]. */
	public static double[] corner(double fromLat, double fromLng, double toLat, double toLng) {
		return new double[] { toLat, fromLng };
	}

	/** The length of the L in metres. */
	public static double metres(double fromLat, double fromLng, double toLat, double toLng) {
		return (Geo.distanceKm(fromLat, fromLng, toLat, fromLng) + Geo.distanceKm(toLat, fromLng, toLat, toLng)) * 1000;
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		requests.add(path);
		try (exchange) {
			Matcher m = ROUTE.matcher(path);
			if (!m.matches()) {
				answer(exchange, 400, Map.of("code", "InvalidUrl"));
				return;
			}
			double fromLng = Double.parseDouble(m.group(1));
			double fromLat = Double.parseDouble(m.group(2));
			double toLng = Double.parseDouble(m.group(3));
			double toLat = Double.parseDouble(m.group(4));
			if (fromLat < 0 || toLat < 0) {
				answer(exchange, 400, Map.of("code", "NoRoute", "message", "Impossible route between points"));
				return;
			}
			double metres = metres(fromLat, fromLng, toLat, toLng);
			answer(exchange, 200, Map.of("code", "Ok", "routes", List.of(Map.of("distance", metres, "duration",
					metres / METRES_PER_SECOND, "geometry", Map.of("type", "LineString", "coordinates",
							List.of(List.of(fromLng, fromLat), List.of(fromLng, toLat), List.of(toLng, toLat)))))));
		}
	}

	private static void answer(HttpExchange exchange, int status, Object body) throws IOException {
		byte[] bytes = Api.JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}
}
