package com.returnit.identity.internal;

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
