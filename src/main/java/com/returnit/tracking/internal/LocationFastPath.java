package com.returnit.tracking.internal;

import com.returnit.identity.BearerCallers;
import com.returnit.identity.Caller;
import com.returnit.identity.Role;
import com.returnit.platform.CachedBodyRequest;
import com.returnit.platform.ProblemResponses;
import com.returnit.platform.RateLimits;
import com.returnit.tracking.internal.domain.Ping;
import com.returnit.tracking.internal.domain.PingRules;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Location pings answered before the filter chain (ADR 0031): the busiest request of the service, sent by every driver
 * every few seconds, costs about half as much this way. It answers only the plain case: a POST of a JSON body of
 * well-formed, valid pings with a driver's verified access token, no Origin, no Idempotency-Key, no query. Every other
 * request on this path (no or another token, a malformed or invalid body, a CORS or idempotent request) goes on to
 * the chain and {@link LocationController}, with its body, and gets the answer it always got. What the chain would
 * add is done here: the driver-pings rate limit, the security headers, and the request's place in
 * {@code http.server.requests} (its observation is switched off for this path, so nothing counts twice).
 * {@code returnit.tracking.ping.requests} counts the requests answered here ({@code path=direct}) and those passed on
 * ({@code path=chain}).
 */
class LocationFastPath extends HttpFilter {

	static final String PATH = "/v1/drivers/me/locations";
	private static final int MAX_BODY = 64 * 1024;
	private static final String JSON = "application/json";

	private final BearerCallers callers;
	private final RateLimits limits;
	private final PingWriter writer;
	private final PingRules rules;
	private final Clock clock;
	private final ObjectReader bodies;
	private final MeterRegistry meters;
	private final Map<String, Timer> timers = new ConcurrentHashMap<>();
	private final Counter direct;
	private final Counter chained;

	LocationFastPath(BearerCallers callers, RateLimits limits, PingWriter writer, TrackingProperties properties,
			Clock clock, JsonMapper json, MeterRegistry meters) {
		this.callers = callers;
		this.limits = limits;
		this.writer = writer;
		this.rules = new PingRules(properties.retention());
		this.clock = clock;
		this.bodies = json.readerFor(PingsBody.class);
		this.meters = meters;
		this.direct = meters.counter("returnit.tracking.ping.requests", "path", "direct");
		this.chained = meters.counter("returnit.tracking.ping.requests", "path", "chain");
	}

	static boolean isPing(HttpServletRequest request) {
		return "POST".equals(request.getMethod()) && PATH.equals(request.getRequestURI());
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (!isPing(request)) {
			chain.doFilter(request, response);
			return;
		}
		long started = System.nanoTime();
		try {
			answer(request, response, chain);
			timer(response.getStatus(), "none").record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
		}
		catch (IOException | ServletException | RuntimeException e) {
			// answered further out (a database outage's 503) or by the container: a server error either way
			timer(HttpStatus.INTERNAL_SERVER_ERROR.value(), e.getClass().getSimpleName())
				.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
			throw e;
		}
	}

	private void answer(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		Caller caller = plain(request) ? callers.verified(request) : null;
		if (caller == null || caller.role() != Role.DRIVER) {
			chained.increment();
			chain.doFilter(request, response);
			return;
		}
		callers.writeApiHeaders(response);
		if (!limits.admit(request, response, "driver-pings", caller.scope())) {
			direct.increment();
			return;
		}
		byte[] body = request.getInputStream().readNBytes(MAX_BODY);
		List<Ping> pings = valid(body);
		if (pings == null) {
			chained.increment();
			chain.doFilter(new CachedBodyRequest(request, body), response);
			return;
		}
		direct.increment();
		try {
			PingWriter.Written written = writer.write(caller.id(), pings);
			response.setStatus(HttpStatus.ACCEPTED.value());
			response.setContentType(JSON);
			byte[] answer = ("{\"accepted\":" + written.accepted() + ",\"flagged\":" + written.flagged() + "}")
				.getBytes(StandardCharsets.UTF_8);
			response.setContentLength(answer.length);
			response.getOutputStream().write(answer);
		}
		catch (PingWriter.NotStored e) {
			response.setHeader("Retry-After", "1");
			ProblemResponses.write(response, HttpStatus.SERVICE_UNAVAILABLE, PingWriter.NotStored.DETAIL, PATH);
		}
	}

	/** A request with nothing the chain treats specially, whose whole JSON body is at hand. */
	private static boolean plain(HttpServletRequest request) {
		long length = request.getContentLengthLong();
		String type = request.getContentType();
		String accept = request.getHeader("Accept");
		return length > 0 && length <= MAX_BODY && request.getQueryString() == null
				&& type != null && type.regionMatches(true, 0, JSON, 0, JSON.length())
				&& (accept == null || accept.contains("json") || accept.contains("*/*"))
				&& request.getHeader("Origin") == null && request.getHeader("Idempotency-Key") == null;
	}

	/** The pings of a body that parses, has every required value and breaks no rule; null for anything else. */
	private @Nullable List<Ping> valid(byte[] body) {
		try {
			PingsBody parsed = bodies.readValue(body);
			List<Ping> pings = parsed == null ? null : parsed.completePings();
			return pings != null && rules.violations(pings, clock.instant()).isEmpty() ? pings : null;
		}
		catch (JacksonException e) {
			return null;
		}
	}

	/** The meter Spring MVC's observation would have recorded this request in. */
	private Timer timer(int status, String exception) {
		return timers.computeIfAbsent(status + " " + exception, key -> Timer.builder("http.server.requests")
			.tag("error", exception).tag("exception", exception).tag("method", "POST")
			.tag("outcome", outcome(status)).tag("status", Integer.toString(status)).tag("uri", PATH)
			.register(meters));
	}

	private static String outcome(int status) {
		return status >= 500 ? "SERVER_ERROR" : status >= 400 ? "CLIENT_ERROR" : status >= 300 ? "REDIRECTION"
				: status >= 200 ? "SUCCESS" : "INFORMATIONAL";
	}
}
