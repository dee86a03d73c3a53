package com.returnit.platform.internal;

import com.returnit.platform.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A database failure in a servlet filter (authentication by API key, idempotency) never reaches the MVC exception
 * handler; it is answered here, like in {@link ProblemHandler}: 503 problem+json with Retry-After, not a 500.
 */
class DatabaseUnavailableFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | RuntimeException e) {
			if (response.isCommitted() || !DatabaseUnavailable.causedBy(e)) {
				throw e;
			}
			response.resetBuffer();
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER.toSeconds()));
			ProblemResponses.write(response, HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.DETAIL,
					request.getRequestURI());
		}
	}
}
