package com.returnit.platform.internal.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.returnit.platform.ProblemResponses;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limits by tier, after authentication so the caller is known. Every answer carries the IETF
 * {@code RateLimit-Policy} and {@code RateLimit} headers; over the limit it is a 429 problem+json with
 * {@code Retry-After}. A caller already refused is refused again from a local cache until its next token is due, so
 * one client's burst costs the shared database nothing.
 */
class RateLimitFilter extends OncePerRequestFilter {

	private final RateLimitProperties properties;
	private final BucketStore store;
	private final Cache<String, Long> refusedUntil = Caffeine.newBuilder().maximumSize(100_000)
		.expireAfterWrite(10, TimeUnit.MINUTES).build();

	RateLimitFilter(RateLimitProperties properties, BucketStore store) {
		this.properties = properties;
		this.store = store;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !properties.enabled() || request.getRequestURI().startsWith("/actuator/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Tier tier = properties.tier(tierOf(request));
		String key = tier.name() + ":" + callerOf(request);
		response.setHeader("RateLimit-Policy", "\"%s\";q=%d;w=%d".formatted(tier.name(), tier.limit(), tier.window().toSeconds()));
		Long until = refusedUntil.getIfPresent(key);
		long now = System.nanoTime();
		if (until != null && until - now > 0) {
			refuse(request, response, tier, until - now);
			return;
		}
		ConsumptionProbe probe = store.tryConsume(key, tier);
		if (!probe.isConsumed()) {
			refusedUntil.put(key, now + probe.getNanosToWaitForRefill());
			refuse(request, response, tier, probe.getNanosToWaitForRefill());
			return;
		}
		response.setHeader("RateLimit", "\"%s\";r=%d;t=%d".formatted(tier.name(), probe.getRemainingTokens(),
				seconds(probe.getNanosToWaitForReset())));
		chain.doFilter(request, response);
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, Tier tier, long waitNanos)
			throws IOException {
		long retryAfter = Math.max(1, seconds(waitNanos));
		response.setHeader("Retry-After", Long.toString(retryAfter));
		response.setHeader("RateLimit", "\"%s\";r=0;t=%d".formatted(tier.name(), retryAfter));
		ProblemResponses.write(response, HttpStatus.TOO_MANY_REQUESTS, "Rate limit of " + tier.limit()
				+ " requests per " + tier.window().toSeconds() + " s exceeded; retry after " + retryAfter + " s.",
				request.getRequestURI());
	}

	private static long seconds(long nanos) {
		return (nanos + 999_999_999L) / 1_000_000_000L;
	}

	private static String tierOf(HttpServletRequest request) {
		String role = role();
		if ("driver".equals(role) && "POST".equals(request.getMethod())
				&& "/v1/drivers/me/locations".equals(request.getRequestURI())) {
			return "driver-pings";
		}
		return role == null ? "anonymous" : role;
	}

	/** The account (or merchant) for callers with a role, the client IP for everyone else. */
	private static String callerOf(HttpServletRequest request) {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return role() == null ? request.getRemoteAddr() : auth.getName();
	}

	private static String role() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !auth.isAuthenticated()) {
			return null;
		}
		return auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
			.filter(authority -> authority != null && authority.startsWith("ROLE_"))
			.map(authority -> authority.substring(5).toLowerCase(java.util.Locale.ROOT))
			.findFirst().orElse(null);
	}
}
