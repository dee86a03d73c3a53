package com.returnit.inputs.internal;

import com.returnit.platform.FieldError;
import com.returnit.platform.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses input the service cannot take before anything else reads it: a header with control characters, a query
 * string that is not percent-encoded UTF-8 or carries a NUL (400 naming the parameter), and a body whose Content-Type
 * is unusable (a wildcard, unparseable, JSON not in UTF-8, or a form or multipart body, which no endpoint takes: 415).
 * JSON bodies are looked into later, after authentication, by {@link JsonBodyGuardFilter}.
 */
class InputGuardFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		FieldError header = headerProblem(request);
		if (header != null) {
			refuse(request, response, HttpStatus.BAD_REQUEST, header);
			return;
		}
		FieldError query = QueryStrings.problem(request.getQueryString());
		if (query != null) {
			refuse(request, response, HttpStatus.BAD_REQUEST, query);
			return;
		}
		String mediaType = mayCarryContent(request) ? MediaTypes.problem(request.getHeader("Content-Type")) : null;
		if (mediaType != null) {
			ProblemResponses.write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, mediaType, request.getRequestURI());
			return;
		}
		chain.doFilter(request, response);
	}

	private static @Nullable FieldError headerProblem(HttpServletRequest request) {
		for (String name : Collections.list(request.getHeaderNames())) {
			for (String value : Collections.list(request.getHeaders(name))) {
				for (int i = 0; i < value.length(); i++) {
					char c = value.charAt(i);
					if (c < 0x20 && c != '\t' || c == 0x7f) {
						return new FieldError(name, "contains a control character, which is not allowed in a header");
					}
				}
			}
		}
		return null;
	}

	/**
	 * Whether the Content-Type matters: Spring reads it for any request body parameter, even when the body is empty (a
	 * wildcard there is a 500 of its own), so for every method but the ones that carry no content.
	 */
	private static boolean mayCarryContent(HttpServletRequest request) {
		String method = request.getMethod();
		return !"GET".equals(method) && !"HEAD".equals(method) && !"OPTIONS".equals(method);
	}

	static boolean mayHaveBody(HttpServletRequest request) {
		return request.getContentLengthLong() != 0 && !"GET".equals(request.getMethod())
				&& !"HEAD".equals(request.getMethod());
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			FieldError error) throws IOException {
		ProblemResponses.writeFieldError(response, status, error, request.getRequestURI());
	}
}
