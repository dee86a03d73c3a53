package com.returnit.platform.internal.replica;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * After a successful write of an authenticated caller (any method but GET, HEAD and OPTIONS, answered below 400):
 * records the primary's log position, now that the write's transaction committed, for the caller
 * ({@link WritePositions}), and sends it as {@code ReturnIt-Read-After}. Both happen before the client receives a
 * byte: the answer is held until then (write answers are small). Runs after Spring Security's chain, so the caller is
 * known. A position that cannot be recorded is logged, never the write's error.
 */
class WritePositionFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(WritePositionFilter.class);

	private final WritePositions positions;

	WritePositionFilter(WritePositions positions) {
		this.positions = positions;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return ReadPolicy.isRead(request.getMethod()) || "OPTIONS".equals(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
		try {
			chain.doFilter(request, held);
			String caller = ReadPolicy.caller();
			if (held.getStatus() < 400 && caller != null) {
				record(caller, held);
			}
		}
		finally {
			held.copyBodyToResponse();
		}
	}

	private void record(String caller, HttpServletResponse response) {
		try {
			response.setHeader(ReadPolicy.READ_AFTER, WalPosition.format(positions.recordWrite(caller)));
		}
		catch (RuntimeException e) {
			log.warn("Could not record the write position of a caller; its next reads may be served by a replica "
					+ "that has not yet replayed the write: {}", e.getMessage());
		}
	}
}
