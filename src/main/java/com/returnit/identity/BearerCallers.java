package com.returnit.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

/**
 * Authentication for the one hot path answered before Spring Security's filter chain, location pings (ADR 0031). It
 * accepts only what the chain accepts: anything it does not recognise is left to the chain, which answers it as
 * for every other request.
 */
public interface BearerCallers {

	/**
	 * The caller named by a well-formed {@code Authorization: Bearer} access token that verifies (signature, issuer,
	 * audience, expiry) and grants its role; null for no header, an API key, a token that fails or one that only
	 * allows enrolling a second factor.
	 */
	@Nullable Caller verified(HttpServletRequest request);

	/**
	 * The headers the chain writes on every API answer: HSTS, nosniff, no framing, no caching, the API's CSP, and
	 * {@code Vary} on the CORS request headers.
	 */
	void writeApiHeaders(HttpServletResponse response);
}
