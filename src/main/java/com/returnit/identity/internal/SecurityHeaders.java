package com.returnit.identity.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CrossOriginResourcePolicyHeaderWriter.CrossOriginResourcePolicy;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * Response headers on every answer (ASVS 3.4): HSTS, nosniff, no framing, no referrer, same-origin resources,
 * {@code Cache-Control: no-store} (Spring Security's default; the web app's files set their own), and a
 * Content-Security-Policy that allows nothing on the API and only same-origin script, style and fetches on the web
 * app and Swagger UI.
 */
final class SecurityHeaders {

	static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
	/**
	 * The web app's pages: its own scripts and styles only (no inline code), pictures also from https map-tile
	 * servers and merchants' logos, calls and the live stream to its own origin. Stripe's script, frames and API are
	 * allowed only when Stripe takes the cards.
	 */
	static final String APP_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data: blob: https:; font-src 'self'; connect-src 'self'; manifest-src 'self'; "
			+ "worker-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
	static final String APP_POLICY_WITH_STRIPE = APP_POLICY
		.replace("script-src 'self'", "script-src 'self' https://js.stripe.com")
		.replace("connect-src 'self'", "connect-src 'self' https://api.stripe.com")
		+ "; frame-src https://js.stripe.com https://hooks.stripe.com";
	/** Swagger UI sets inline styles on its elements; its scripts still come only from this origin. */
	static final String SWAGGER_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

	private SecurityHeaders() {
	}

	static void apply(HeadersConfigurer<?> headers, boolean stripe) {
		headers.httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(true)
				// sent on every answer: TLS usually ends at a proxy in front of the service
				.requestMatcher(AnyRequestMatcher.INSTANCE))
			.contentTypeOptions(options -> {
			})
			.frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
			.crossOriginResourcePolicy(corp -> corp.policy(CrossOriginResourcePolicy.SAME_ORIGIN))
			.addHeaderWriter(contentSecurityPolicy(stripe ? APP_POLICY_WITH_STRIPE : APP_POLICY));
	}

	/**
	 * What {@link #apply} makes Spring Security write on an API answer, and the CORS processor's {@code Vary}, for the path answered before its chain (ADR
	 * 0031); {@code LocationFastPathTests} compares the two.
	 */
	static void writeApiHeaders(HttpServletResponse response) {
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-XSS-Protection", "0");
		response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
		response.setHeader("Pragma", "no-cache");
		response.setHeader("Expires", "0");
		response.setHeader("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Referrer-Policy", "no-referrer");
		response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
		response.setHeader("Content-Security-Policy", API_POLICY);
		// the CORS processor's, on every answer under /v1 whether the request came from a browser or not
		response.addHeader("Vary", "Origin");
		response.addHeader("Vary", "Access-Control-Request-Method");
		response.addHeader("Vary", "Access-Control-Request-Headers");
	}

	private static HeaderWriter contentSecurityPolicy(String appPolicy) {
		return (request, response) -> {
			String path = decodedPath(request);
			String policy = isApi(path) ? API_POLICY : path.startsWith("/swagger-ui") ? SWAGGER_POLICY : appPolicy;
			response.setHeader("Content-Security-Policy", policy);
		};
	}

	/** The request's path as the servlet container decoded it ({@code /%761/x} is {@code /v1/x}). */
	static String decodedPath(jakarta.servlet.http.HttpServletRequest request) {
		String pathInfo = request.getPathInfo();
		return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
	}

	/** The API's paths (decoded); every other GET is the web app (its pages, assets and deep links). */
	static boolean isApi(String path) {
		return path.startsWith("/v1/") || path.startsWith("/v3/") || path.startsWith("/actuator/")
				|| path.startsWith("/.well-known/") || path.equals("/error");
	}
}
