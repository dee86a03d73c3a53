package com.returnit.places.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GET requests to a third party (the geocoder, the road router) with the JDK's HttpClient: the User-Agent on every
 * request, and the whole exchange (connecting, headers and body) bounded by the timeout, so that a provider that
 * accepts and then hangs costs the caller at most that long. Anything but a 2xx JSON answer is
 * {@link ProviderUnavailable}.
 */
final class ProviderHttp {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client;
	private final URI base;
	private final String userAgent;
	private final Duration timeout;

	ProviderHttp(URI base, String userAgent, Duration timeout) {
		this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
		this.base = base;
		this.userAgent = userAgent;
		this.timeout = timeout;
	}

	JsonNode get(String path, Map<String, String> query) {
		URI uri = URI.create(base + path + "?" + query.entrySet().stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&")));
		HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", userAgent)
			.header("Accept", "application/json").GET().build();
		CompletableFuture<HttpResponse<String>> call = client.sendAsync(request,
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		HttpResponse<String> response;
		try {
			response = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException e) {
			call.cancel(true);
			throw new ProviderUnavailable("no answer within " + timeout.toMillis() + " ms", e);
		}
		catch (ExecutionException e) {
			if (e.getCause() instanceof HttpTimeoutException) {
				throw new ProviderUnavailable("no answer within " + timeout.toMillis() + " ms", e.getCause());
			}
			throw new ProviderUnavailable("the request failed: " + e.getCause(), e.getCause());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			call.cancel(true);
			throw new ProviderUnavailable("interrupted", e);
		}
		if (response.statusCode() / 100 != 2) {
			throw new ProviderUnavailable("answered " + response.statusCode());
		}
		try {
			return JSON.readTree(response.body());
		}
		catch (JacksonException e) {
			throw new ProviderUnavailable("answered something that is not JSON", e);
		}
	}

	/** A coordinate as a plain decimal ({@code 0.0001}, never {@code 1.0E-4}). */
	static String coordinate(double value) {
		return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}
}
