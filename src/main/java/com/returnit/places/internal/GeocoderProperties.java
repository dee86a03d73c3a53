package com.returnit.places.internal;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The address search's third party ({@code returnit.geocoder}).
 * @param provider {@code none} (no address search: customers drop a pin), {@code nominatim} or {@code photon}
 * @param url the provider's base URL; empty: the public instance (nominatim.openstreetmap.org, photon.komoot.io)
 * @param userAgent sent with every request (Nominatim's usage policy requires one that names the application)
 * @param timeout the longest a search waits for the provider, connecting included
 * @param countries ISO 3166-1 alpha-2 codes the answers are limited to (Nominatim {@code countrycodes}; Photon's
 *     answers are filtered by their {@code countrycode}); empty: anywhere
 * @param cacheTtl how long an answer is reused for the same question (per node)
 * @param cacheSize the most answers kept per node
 * @param maxRequestsPerSecond requests to the provider a second from each node (the public Nominatim allows 1 for
 *     the whole application); 0: no limit, for an instance of one's own
 */
@ConfigurationProperties("returnit.geocoder")
record GeocoderProperties(String provider, @Nullable String url, String userAgent, Duration timeout,
		List<String> countries, Duration cacheTtl, long cacheSize, int maxRequestsPerSecond) {

	GeocoderProperties {
		provider = provider == null || provider.isBlank() ? "none" : provider.trim().toLowerCase(Locale.ROOT);
		userAgent = userAgent == null || userAgent.isBlank() ? "ReturnIt" : userAgent;
		timeout = timeout == null ? Duration.ofSeconds(3) : timeout;
		countries = countries == null ? List.of()
				: countries.stream().map(String::trim).filter(c -> !c.isEmpty())
					.map(c -> c.toLowerCase(Locale.ROOT)).toList();
		cacheTtl = cacheTtl == null ? Duration.ofMinutes(5) : cacheTtl;
		cacheSize = cacheSize <= 0 ? 10_000 : cacheSize;
	}

	/** The base URL without a trailing slash: the configured one, or the provider's public instance. */
	URI baseUrl() {
		String base = url == null || url.isBlank() ? switch (provider) {
			case "photon" -> "https://photon.komoot.io";
			default -> "https://nominatim.openstreetmap.org";
		} : url.trim();
		return URI.create(base.replaceAll("/+$", ""));
	}
}
