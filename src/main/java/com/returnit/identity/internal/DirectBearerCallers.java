package com.returnit.identity.internal;

import com.returnit.identity.BearerCallers;
import com.returnit.identity.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

/**
 * The chain's own checks without the chain: the same token syntax ({@link BearerTokens}), the same decoder (which
 * remembers verified tokens, {@link VerifiedTokens}) and the same claims-to-caller mapping
 * ({@link CallerAuthentication#of}). Only JSON Web Tokens are looked at; API keys and everything unusual go to the
 * chain.
 */
@Component
class DirectBearerCallers implements BearerCallers {

	private static final String PREFIX = "Bearer ";
	/** Every JWS in compact form starts with the base64url of <code>{"</code>. */
	private static final String JWT_START = "eyJ";

	private final JwtDecoder tokens;

	DirectBearerCallers(JwtDecoder tokens) {
		this.tokens = tokens;
	}

	@Override
	public @Nullable Caller verified(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization == null || !authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
				|| !authorization.startsWith(JWT_START, PREFIX.length())
				|| !BearerTokens.isToken(authorization, PREFIX.length())) {
			return null;
		}
		try {
			CallerAuthentication authentication = CallerAuthentication.of(tokens.decode(authorization.substring(PREFIX.length())));
			return authentication.enrolOnly() ? null : authentication.getPrincipal();
		}
		catch (JwtException | IllegalArgumentException e) {
			return null;
		}
	}

	@Override
	public void writeApiHeaders(HttpServletResponse response) {
		SecurityHeaders.writeApiHeaders(response);
	}
}
