package com.returnit.webhooks.internal.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The rules a webhook URL must follow before any address is looked up: absolute http(s) with a host, no user info,
 * and https unless its host is one of the explicitly allowed hosts (development and tests).
 */
public record EndpointUrl(URI uri, String host, boolean allowedHost) {

	/** The URL, or why it is refused. */
	public static Parsed parse(String text, Set<String> allowedHosts) {
		URI uri;
		try {
			uri = new URI(text.trim());
		}
		catch (URISyntaxException e) {
			return Parsed.refused("is not a valid URL");
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!uri.isAbsolute() || uri.getHost() == null || !Set.of("http", "https").contains(scheme)) {
			return Parsed.refused("must be an absolute https URL with a host");
		}
		if (uri.getUserInfo() != null) {
			return Parsed.refused("must not carry a user name or password");
		}
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		if (host.startsWith("[") && host.endsWith("]")) {
			host = host.substring(1, host.length() - 1);
		}
		boolean allowed = allowedHosts.contains(host);
		if (!allowed && !"https".equals(scheme)) {
			return Parsed.refused("must use https");
		}
		return new Parsed(Optional.of(new EndpointUrl(uri, host, allowed)), null);
	}

	/** A parsed URL or the reason it was refused. */
	public record Parsed(Optional<EndpointUrl> url, String reason) {

		static Parsed refused(String reason) {
			return new Parsed(Optional.empty(), reason);
		}
	}
}
