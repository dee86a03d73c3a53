package com.returnit.identity.internal;

import com.returnit.identity.BearerCallers;
import com.returnit.identity.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

/**
 * The chain's own checks without the chain: the same decoder, which remembers verified tokens
 * ({@link VerifiedTokens}; a remembered token was well-formed), the same token syntax for one it has not seen
 * ({@link BearerTokens}) and the same claims-to-caller mapping ({@link CallerAuthentication#of}, which also checks
 * that a merchant's member still is one). Only JSON Web Tokens are looked at; API keys and everything unusual go to the
 * chain.
 */
@Component
class DirectBearerCallers implements BearerCallers {

	/** Every JWS in compact form starts with the base64url of <code>{"</code>. */
	private static final String JWT_START = "eyJ";

	private final VerifiedTokens tokens;
	private final ActiveMembers members;

	DirectBearerCallers(VerifiedTokens tokens, ActiveMembers members) {
		this.tokens = tokens;
		this.members = members;
	}

	@Override
	public @Nullable Caller verified(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization == null
				|| !authorization.regionMatches(true, 0, BearerTokens.PREFIX, 0, BearerTokens.PREFIX.length())) {
			return null;
		}
		String token = authorization.substring(BearerTokens.PREFIX.length());
		Jwt jwt = tokens.remembered(token);
		try {
			if (jwt == null && token.startsWith(JWT_START) && BearerTokens.isToken(token, 0)) {
				jwt = tokens.decode(token);
			}
			CallerAuthentication authentication = jwt == null ? null : CallerAuthentication.of(jwt, members);
			return authentication == null || authentication.enrolOnly() ? null : authentication.getPrincipal();
		}
		catch (JwtException | IllegalArgumentException | AuthenticationException e) {
			return null;
		}
	}

	@Override
	public void writeApiHeaders(HttpServletResponse response) {
		SecurityHeaders.writeApiHeaders(response);
	}
}
