package com.returnit.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client against the running service, as any API user would call it. */
public final class Api {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	public record Response(int status, HttpResponse<String> raw, JsonNode body) {

		public String contentType() {
			return raw.headers().firstValue("Content-Type").orElse("");
		}

		public String header(String name) {
			return raw.headers().firstValue(name).orElse(null);
		}

		public String text(String field) {
			return body.get(field).asString();
		}
	}

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private final String base;

	public Api(int port) {
		this.base = "http://localhost:" + port;
	}

	public String base() {
		return base;
	}

	public Response get(String path, String token) {
		return send("GET", path, token, null);
	}

	public Response post(String path, String token, Object body, String... headers) {
		return send("POST", path, token, body instanceof String s ? s : JSON.writeValueAsString(body), headers);
	}

	public Response put(String path, String token, Object body) {
		return send("PUT", path, token, body instanceof String s ? s : JSON.writeValueAsString(body));
	}

	public Response delete(String path, String token) {
		return send("DELETE", path, token, null);
	}

	public Response send(String method, String path, String token, String body, String... headers) {
		List<String> all = new ArrayList<>(List.of(headers));
		if (body != null && !List.of(headers).contains("Content-Type")) {
			all.addAll(List.of("Content-Type", "application/json"));
		}
		if (token != null) {
			all.addAll(List.of("Authorization", "Bearer " + token));
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		for (int i = 0; i < all.size(); i += 2) {
			request.header(all.get(i), all.get(i + 1));
		}
		try {
			HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			String text = response.body();
			JsonNode node = text == null || text.isBlank() ? JSON.nullNode() : parse(text);
			return new Response(response.statusCode(), response, node);
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static JsonNode parse(String text) {
		try {
			return JSON.readTree(text);
		}
		catch (RuntimeException e) {
			return JSON.getNodeFactory().stringNode(text);
		}
	}
}
