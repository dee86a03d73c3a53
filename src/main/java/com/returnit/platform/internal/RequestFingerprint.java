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
 * query string and body (JSON bodies are cached by the input guard), the same hash a client computes over what it sent.
 */
final class RequestFingerprint {

	private RequestFingerprint() {
	}

	static String route(HttpServletRequest request) {
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		return pattern == null ? request.getRequestURI() : pattern.toString();
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
			if (cached != null) {
				digest.update(cached.body());
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
