package com.returnit.push.internal.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Where the service may send a push: an https URL on a known push service, never an address the driver chooses, so
 * that a subscription cannot make the service call into its own network. Plain http to 127.0.0.1 only where allowed
 * (tests, the demo).
 */
public final class PushEndpoint {

	private PushEndpoint() {
	}

	/** Why this endpoint is refused, or empty when it may be called. */
	public static Optional<String> whyRefused(String endpoint, Predicate<String> allowedHost, boolean allowLocalHttp) {
		URI uri;
		try {
			uri = new URI(endpoint);
		}
		catch (URISyntaxException e) {
			return Optional.of("must be an absolute URL");
		}
		if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
			return Optional.of("must be an absolute URL with a host and no user info or fragment");
		}
		String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
		if (allowLocalHttp && scheme.equals("http") && uri.getHost().equals("127.0.0.1")) {
			return Optional.empty();
		}
		if (!scheme.equals("https")) {
			return Optional.of("must be an https URL");
		}
		if (!allowedHost.test(uri.getHost())) {
			return Optional.of("is not on a known push service");
		}
		return Optional.empty();
	}
}
