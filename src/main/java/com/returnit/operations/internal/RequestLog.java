package com.returnit.operations.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * One access-log line per request (logger {@code returnit.access}: method, route template, status, duration,
 * principal), a warning when a request takes longer than {@code returnit.operations.slow-request}, and the request id
 * (the caller's {@code X-Request-Id} when it is sane, otherwise a new one) in the MDC of every line logged meanwhile
 * and in the answer's header. Also feeds this node's per-minute history.
 */
class RequestLog extends OncePerRequestFilter {

	static final String PRINCIPAL = RequestLog.class.getName() + ".principal";
	static final String REQUEST_ID = "X-Request-Id";

	private static final Logger access = LoggerFactory.getLogger("returnit.access");
	private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private final RequestMinutes minutes;
	private final long slowNanos;

	RequestLog(RequestMinutes minutes, OperationsProperties properties) {
		this.minutes = minutes;
		this.slowNanos = properties.slowRequest().toNanos();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String given = request.getHeader(REQUEST_ID);
		String requestId = given != null && SANE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
		MDC.put("requestId", requestId);
		response.setHeader(REQUEST_ID, requestId);
		long started = System.nanoTime();
		try {
			chain.doFilter(request, response);
		}
		finally {
			long nanos = System.nanoTime() - started;
			log(request, response.getStatus(), nanos);
			if (!request.getRequestURI().startsWith("/actuator/")) {
				minutes.record(response.getStatus(), nanos);
			}
			MDC.remove("requestId");
		}
	}

	private void log(HttpServletRequest request, int status, long nanos) {
		boolean slow = nanos > slowNanos;
		if (!slow && !access.isInfoEnabled()) {
			return;
		}
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		String route = pattern != null ? pattern.toString() : "-";
		Object principal = request.getAttribute(PRINCIPAL);
		String who = principal != null ? principal.toString() : "-";
		long millis = nanos / 1_000_000;
		LoggingEventBuilder line = (slow ? access.atWarn() : access.atInfo())
			.addKeyValue("http.method", request.getMethod()).addKeyValue("http.route", route)
			.addKeyValue("url.path", request.getRequestURI()).addKeyValue("http.status", status)
			.addKeyValue("duration.ms", millis).addKeyValue("principal", who);
		line.log("{}{} {} {} {} ms {}", slow ? "Slow request: " : "", request.getMethod(),
				pattern != null ? route : request.getRequestURI(), status, millis, who);
	}
}
