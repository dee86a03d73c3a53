package com.returnit.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The simulation talks to the service only through its public HTTP API, like any real client. */
final class DemoClient {

	record Answer(int status, JsonNode body) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private final String base;

	DemoClient(String base) {
		this.base = base;
	}

	Answer get(String path, String token) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), token);
	}

	Answer post(String path, String token, Object body) {
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), token);
	}

	String login(String email, String password) {
		return login(Map.of("email", email, "password", password), email);
	}

	/** Logs in with a second factor: a TOTP code. */
	String login(String email, String password, String code) {
		return login(Map.of("email", email, "password", password, "code", code), email);
	}

	private String login(Map<String, String> body, String email) {
		Answer answer = post("/v1/auth/token", null, body);
		if (answer.status() != 200) {
			throw new IllegalStateException("Demo login failed for " + email + ": " + answer.status());
		}
		return answer.body().get("accessToken").asString();
	}

	private Answer send(HttpRequest.Builder request, String token) {
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
			String text = response.body();
			return new Answer(response.statusCode(), text == null || text.isBlank() ? JSON.nullNode() : JSON.readTree(text));
		}
		catch (java.io.IOException e) {
			return new Answer(503, JSON.nullNode());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return new Answer(503, JSON.nullNode());
		}
	}
}
