package com.returnit.identity.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.filter.CorsFilter;

/**
 * Spring's CORS handling, whose refusal of a cross-origin request (an origin not allowed, or not an origin at all) is
 * a 403 problem+json rather than the plain text "Invalid CORS request".
 */
final class ProblemCors {

	private static final byte[] REFUSAL = """
			{"type":"about:blank","title":"Forbidden","status":403,\
			"detail":"This origin may not call the API from a browser (CORS): it is not one of the allowed origins."}"""
		.getBytes(StandardCharsets.UTF_8);

	private ProblemCors() {
	}

	static CorsFilter filter(CorsConfigurationSource source) {
		CorsFilter filter = new CorsFilter(source);
		filter.setCorsProcessor(new DefaultCorsProcessor() {
			@Override
			protected void rejectRequest(ServerHttpResponse response) throws IOException {
				response.setStatusCode(HttpStatus.FORBIDDEN);
				response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
				response.getBody().write(REFUSAL);
				response.flush();
			}
		});
		return filter;
	}
}
