package com.returnit.platform.internal;

import com.returnit.platform.CachedBodyRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.WebUtils;

/**
 * Names a request for a bug report without logging its content: the route it matched, and a SHA-256 of method, path,
 * query string and body (JSON bodies are cached by the input guard; one that carries a secret is left out), the same
 * hash a client computes over what it sent.
 */
final class RequestFingerprint {

	private RequestFingerprint() {
	}

	static String route(HttpServletRequest request) {
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		return pattern == null ? request.getRequestURI() : pattern.toString();
	}

	/**
	 * A body with a password or a token in it is left out of the hash (its hash could be guessed back from a log by
	 * trying passwords); the route and query still name the request.
	 */
	private static boolean carriesSecrets(byte[] body) {
		String text = new String(body, StandardCharsets.UTF_8).toLowerCase(java.util.Locale.ROOT);
		return text.contains("password") || text.contains("token") || text.contains("code");
	}

	static String hash(HttpServletRequest request) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update((request.getMethod() + " " + request.getRequestURI()).getBytes(StandardCharsets.UTF_8));
			if (request.getQueryString() != null) {
				digest.update(("?" + request.getQueryString()).getBytes(StandardCharsets.UTF_8));
			}
			digest.update((byte) '\n');
			CachedBodyRequest cached = WebUtils.getNativeRequest(request, CachedBodyRequest.class);
			if (cached != null && !carriesSecrets(cached.body())) {
				digest.update(cached.body());
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
