package com.returnit.places.internal;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The road router ({@code returnit.routing}) that draws a driver's way to the pickup.
 * @param provider {@code none} (the straight line, said to be one) or {@code osrm} (the OSRM HTTP API, or anything
 *     that speaks it: osrm-backend on one's own OpenStreetMap extract, Valhalla's OSRM-compatible output)
 * @param url the router's base URL (required for {@code osrm}: the public demo server is not for production)
 * @param profile the OSRM profile in the path ({@code driving})
 * @param userAgent sent with every request
 * @param timeout the longest a route waits for the router, connecting included, before the straight line is given
 * @param cacheTtl how long a route is reused for the same two places, to ~10 m (per node)
 * @param cacheSize the most routes kept per node
 */
@ConfigurationProperties("returnit.routing")
record RoutingProperties(String provider, @Nullable String url, String profile, String userAgent, Duration timeout,
		Duration cacheTtl, long cacheSize) {

	RoutingProperties {
		provider = provider == null || provider.isBlank() ? "none" : provider.trim().toLowerCase(Locale.ROOT);
		profile = profile == null || profile.isBlank() ? "driving" : profile.trim();
		userAgent = userAgent == null || userAgent.isBlank() ? "ReturnIt" : userAgent;
		timeout = timeout == null ? Duration.ofSeconds(2) : timeout;
		cacheTtl = cacheTtl == null ? Duration.ofMinutes(10) : cacheTtl;
		cacheSize = cacheSize <= 0 ? 10_000 : cacheSize;
	}

	/** The base URL without a trailing slash. */
	URI baseUrl() {
		if (url == null || url.isBlank()) {
			throw new IllegalStateException("returnit.routing.url must be set for the " + provider + " router");
		}
		return URI.create(url.trim().replaceAll("/+$", ""));
	}
}
