package com.returnit.inputs.internal;

import com.returnit.platform.CachedBodyRequest;
import com.returnit.platform.FieldError;
import com.returnit.platform.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a JSON body with a NUL or an unpaired surrogate in any key or value (400 naming the field). Runs after
 * authentication, so only a caller the API accepts makes it buffer and scan a body (up to the body size limit), and
 * its refusals carry the security and CORS headers every answer has; drivers' location pings are answered before it
 * (their bodies are numbers and a strictly parsed time).
 */
class JsonBodyGuardFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!InputGuardFilter.mayHaveBody(request) || !MediaTypes.isJson(request.getHeader("Content-Type"))) {
			chain.doFilter(request, response);
			return;
		}
		CachedBodyRequest cached = new CachedBodyRequest(request);
		FieldError problem = JsonStrings.problem(cached.body());
		if (problem != null) {
			ProblemResponses.writeFieldError(response, HttpStatus.BAD_REQUEST, problem, request.getRequestURI());
			return;
		}
		chain.doFilter(cached, response);
	}
}
