package com.returnit.platform.internal.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.returnit.platform.ProblemResponses;
import com.returnit.platform.RateLimits;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpStatus;

/**
 * Counts requests per tier and caller. Every answer carries the IETF {@code RateLimit-Policy} and {@code RateLimit}
 * headers; over the limit it is a 429 problem+json with {@code Retry-After}. A caller already refused is refused again
 * from a local cache until its next token is due, so one client's burst costs the shared database nothing.
 */
class RequestLimiter implements RateLimits {

	/** Marks a request already counted, so that the filter does not count it twice. */
	static final String COUNTED = RequestLimiter.class.getName() + ".counted";

	private final RateLimitProperties properties;
	private final BucketStore store;
	private final Cache<String, Long> refusedUntil = Caffeine.newBuilder().maximumSize(100_000)
		.expireAfterWrite(10, TimeUnit.MINUTES).build();

	RequestLimiter(RateLimitProperties properties, BucketStore store) {
		this.properties = properties;
		this.store = store;
	}

	boolean enabled() {
		return properties.enabled();
	}

	@Override
	public boolean admit(HttpServletRequest request, HttpServletResponse response, String tierName, String caller)
			throws IOException {
		if (!properties.enabled()) {
			return true;
		}
		request.setAttribute(COUNTED, Boolean.TRUE);
		Tier tier = properties.tier(tierName);
		String key = tier.name() + ":" + caller;
		response.setHeader("RateLimit-Policy", "\"%s\";q=%d;w=%d".formatted(tier.name(), tier.limit(), tier.window().toSeconds()));
		Long until = refusedUntil.getIfPresent(key);
		long now = System.nanoTime();
		if (until != null && until - now > 0) {
			refuse(request, response, tier, until - now);
			return false;
		}
		ConsumptionProbe probe = store.tryConsume(key, tier);
		if (!probe.isConsumed()) {
			refusedUntil.put(key, now + probe.getNanosToWaitForRefill());
			refuse(request, response, tier, probe.getNanosToWaitForRefill());
			return false;
		}
		response.setHeader("RateLimit", "\"%s\";r=%d;t=%d".formatted(tier.name(), probe.getRemainingTokens(),
				seconds(probe.getNanosToWaitForReset())));
		return true;
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
}
