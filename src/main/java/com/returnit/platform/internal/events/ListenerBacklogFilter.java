package com.returnit.platform.internal.events;

import com.returnit.platform.ProblemResponses;
import io.micrometer.core.instrument.Counter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.function.IntSupplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API writes with 503 and Retry-After while this node's listener queue holds {@code shed-at} runs or more
 * (ADR 0030): a write accepted now would only add side effects to a backlog already behind. It answers before the
 * request takes a pooled connection; reads and logins still answer.
 */
class ListenerBacklogFilter extends OncePerRequestFilter {

	static final String RETRY_AFTER_SECONDS = "1";

	private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

	private final IntSupplier queued;

	private final int shedAt;

	private final Counter shed;

	ListenerBacklogFilter(IntSupplier queued, int shedAt, Counter shed) {
		this.queued = queued;
		this.shedAt = shedAt;
		this.shed = shed;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return shedAt <= 0 || READS.contains(request.getMethod()) || !path.startsWith("/v1/")
				|| path.startsWith("/v1/auth/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (queued.getAsInt() < shedAt) {
			chain.doFilter(request, response);
			return;
		}
		shed.increment();
		response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		ProblemResponses.write(response, HttpStatus.SERVICE_UNAVAILABLE, "The service is catching up with the work "
				+ "of earlier requests; retry this one in a moment.", request.getRequestURI());
	}
}
