package com.returnit.identity.internal;

import com.returnit.identity.Caller;
import com.returnit.identity.Role;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/** Authenticates {@code Authorization: Bearer rk_...}; any other bearer token is left to the JWT provider. */
final class ApiKeyAuthenticationProvider implements AuthenticationProvider {

	private final ApiKeyStore keys;

	ApiKeyAuthenticationProvider(ApiKeyStore keys) {
		this.keys = keys;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String token = ((BearerTokenAuthenticationToken) authentication).getToken();
		if (!token.startsWith("rk_")) {
			return null;
		}
		return keys.merchantFor(token)
			.map(merchantId -> new CallerAuthentication(new Caller(Role.MERCHANT, merchantId)))
			.orElseThrow(() -> new BadCredentialsException("Unknown or revoked API key."));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
