package com.returnit.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A Nominatim on loopback for the whole test run, speaking its JSON (jsonv2): searching for "Augustusplatz" finds
 * one address in Leipzig, anything else finds nothing. The shared service uses it as its geocoder, so the browser
 * journeys type an address and pick the suggestion as a customer does.
 */
public final class GeocoderStub {

	public static final double LAT = 51.33970;
	public static final double LNG = 12.38070;
	public static final String LABEL = "Augustusplatz 9, 04109 Leipzig, Deutschland";

	private static HttpServer server;

	private GeocoderStub() {
	}

	/** The stub's base URL, starting it on first use. */
	public static synchronized String url() {
		if (server == null) {
			try {
				server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			server.createContext("/search", exchange -> {
				String query = URLDecoder.decode(String.valueOf(exchange.getRequestURI().getRawQuery()), StandardCharsets.UTF_8)
					.toLowerCase(Locale.ROOT);
				byte[] body = (query.contains("augustusplatz") ? "[" + place() + "]" : "[]").getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			});
			server.createContext("/reverse", exchange -> {
				byte[] body = place().getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			});
			server.start();
		}
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	private static String place() {
		return "{\"place_id\":1,\"lat\":\"" + LAT + "\",\"lon\":\"" + LNG + "\",\"display_name\":\"" + LABEL
				+ "\",\"type\":\"house\"}";
	}
}
