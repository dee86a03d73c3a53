package com.returnit.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Bearer tokens come in the Authorization header; only the WebSocket upgrade of {@code /v1/stream} may carry one as
 * {@code access_token} in the query, because browsers cannot set headers on WebSocket requests. A well-formed header
 * is read with a character loop (the default resolver's regular expression was 8% of a location ping's CPU);
 * anything else goes to Spring Security's resolver, so malformed headers get the same answer as before (ADR 0028).
 */
final class BearerTokens implements BearerTokenResolver {

	static final String PREFIX = "Bearer ";

	private final DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();
	private final DefaultBearerTokenResolver headerOrQuery = new DefaultBearerTokenResolver();

	BearerTokens() {
		headerOrQuery.setAllowUriQueryParameter(true);
	}

	@Override
	public @Nullable String resolve(HttpServletRequest request) {
		if ("/v1/stream".equals(request.getRequestURI())) {
			return headerOrQuery.resolve(request);
		}
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
				&& isToken(authorization, PREFIX.length())) {
			return authorization.substring(PREFIX.length());
		}
		return header.resolve(request);
	}

	/** RFC 6750's b64token: {@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}. */
	static boolean isToken(String value, int from) {
		int i = from;
		while (i < value.length() && isTokenChar(value.charAt(i))) {
			i++;
		}
		if (i == from) {
			return false;
		}
		while (i < value.length() && value.charAt(i) == '=') {
			i++;
		}
		return i == value.length();
	}

	private static boolean isTokenChar(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
				|| c == '_' || c == '~' || c == '+' || c == '/';
	}
}
