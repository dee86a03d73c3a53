package com.returnit.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Answers newly issued tokens: in the body for API clients; for the web app (which sends
 * {@code ReturnIt-Refresh: cookie}) the refresh token goes into its HttpOnly cookie instead (ADR 0038). Every endpoint
 * that issues tokens (login, refresh, claiming an account) answers through here.
 */
@Component
class TokenAnswers {

	private final TokenProperties properties;
	private final boolean secureCookie;

	TokenAnswers(TokenProperties properties, @Value("${returnit.security.tokens.cookie-secure:true}") boolean secureCookie) {
		this.properties = properties;
		this.secureCookie = secureCookie;
	}

	ResponseEntity<TokenService.Tokens> answer(TokenService.Tokens issued, HttpServletRequest http) {
		if (!RefreshCookie.requested(http) || issued.refreshToken() == null) {
			return ResponseEntity.ok(issued);
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.SET_COOKIE, RefreshCookie.set(issued.refreshToken(), properties.refreshTokenTtl(),
					secureCookie))
			.body(new TokenService.Tokens(issued.accessToken(), null, issued.tokenType(), issued.expiresIn(),
					issued.mfaEnrolmentRequired()));
	}

	/** The Set-Cookie values that remove the web app's cookies. */
	String[] cleared() {
		return RefreshCookie.clear(secureCookie);
	}
}
