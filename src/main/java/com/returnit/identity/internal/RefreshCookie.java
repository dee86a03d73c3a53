package com.returnit.identity.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.ResponseCookie;

/**
 * The web app's refresh token, kept where its scripts cannot read it: an {@code HttpOnly; Secure; SameSite=Strict}
 * cookie scoped to {@code /v1/auth} (ADR 0038). A browser asks for this mode with the header
 * {@code ReturnIt-Refresh: cookie}; the cookie is read only on requests that carry that header, which a cross-site
 * form cannot send and a cross-site script cannot send without a CORS preflight the service refuses: that is the
 * CSRF protection, on top of SameSite.
 */
final class RefreshCookie {

	static final String HEADER = "ReturnIt-Refresh";
	static final String NAME = "returnit_refresh";
	static final String PATH = "/v1/auth";
	/**
	 * A readable companion cookie holding no secret, only "1": it tells the app's scripts that a refresh cookie may
	 * be there, so a visitor who never logged in is not sent to a refresh that can only fail.
	 */
	static final String HINT = "returnit_signed_in";

	private RefreshCookie() {
	}

	/** True when the caller is the web app asking for the cookie mode. */
	static boolean requested(HttpServletRequest request) {
		return "cookie".equalsIgnoreCase(String.valueOf(request.getHeader(HEADER)).trim());
	}

	static Optional<String> read(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		return cookies == null ? Optional.empty()
				: Arrays.stream(cookies).filter(c -> NAME.equals(c.getName()) && !c.getValue().isBlank())
					.map(Cookie::getValue).findFirst();
	}

	/** The refresh cookie and its readable hint, as two Set-Cookie values. */
	static String[] set(String refreshToken, Duration ttl, boolean secure) {
		return new String[] { base(refreshToken, secure).maxAge(ttl).build().toString(), hint("1", ttl, secure) };
	}

	static String[] clear(boolean secure) {
		return new String[] { base("", secure).maxAge(Duration.ZERO).build().toString(), hint("", Duration.ZERO, secure) };
	}

	private static String hint(String value, Duration ttl, boolean secure) {
		return ResponseCookie.from(HINT, value).path("/").httpOnly(false).secure(secure).sameSite("Strict").maxAge(ttl)
			.build().toString();
	}

	private static ResponseCookie.ResponseCookieBuilder base(String value, boolean secure) {
		return ResponseCookie.from(NAME, value).path(PATH).httpOnly(true).secure(secure).sameSite("Strict");
	}
}
