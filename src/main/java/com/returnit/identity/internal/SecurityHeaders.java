package com.returnit.identity.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CrossOriginResourcePolicyHeaderWriter.CrossOriginResourcePolicy;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * Response headers on every answer (ASVS 3.4): HSTS, nosniff, no framing, no referrer, same-origin resources,
 * {@code Cache-Control: no-store} (Spring Security's default), and a Content-Security-Policy that allows nothing on
 * the API and only same-origin script, style and fetches on the tracking page and Swagger UI.
 */
final class SecurityHeaders {

	static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
	static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
			+ "img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
	/** Swagger UI sets inline styles on its elements; its scripts still come only from this origin. */
	static final String SWAGGER_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

	private SecurityHeaders() {
	}

	static void apply(HeadersConfigurer<?> headers) {
		headers.httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(true)
				// sent on every answer: TLS usually ends at a proxy in front of the service
				.requestMatcher(AnyRequestMatcher.INSTANCE))
			.contentTypeOptions(options -> {
			})
			.frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
			.crossOriginResourcePolicy(corp -> corp.policy(CrossOriginResourcePolicy.SAME_ORIGIN))
			.addHeaderWriter(contentSecurityPolicy());
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

	private static HeaderWriter contentSecurityPolicy() {
		return (request, response) -> {
			String path = request.getRequestURI();
			String policy = path.startsWith("/track/") || path.equals("/track.js") || path.equals("/track.css")
					? PAGE_POLICY
					: path.startsWith("/swagger-ui") ? SWAGGER_POLICY : API_POLICY;
			response.setHeader("Content-Security-Policy", policy);
		};
	}
}
