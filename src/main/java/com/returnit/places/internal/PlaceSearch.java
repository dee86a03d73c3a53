package com.returnit.places.internal;

import com.github.benmanes.caffeine.cache.Cache;
import io.github.bucket4j.Bucket;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Address search as the API offers it: unavailable without a provider; else the provider behind a node-local cache
 * of its answers (the same question within {@code cache-ttl} is not asked again), an outgoing rate limit, and a
 * circuit breaker ({@code geocoder}: when it keeps failing, searches answer 503 at once instead of each waiting for
 * the timeout). Counted in {@code returnit.geocoder.requests} by outcome: answered, cached, throttled, unavailable.
 */
class PlaceSearch {

	/** How long a question waits for its turn under the outgoing rate limit before it is answered 503. */
	static final Duration MAX_WAIT = Duration.ofMillis(500);

	private final @Nullable Geocoder geocoder;
	private final String provider;
	private final CircuitBreaker breaker;
	private final Cache<String, List<Place>> answers;
	private final @Nullable Bucket outgoing;
	private final MeterRegistry meters;

	/** {@code maxPerSecond}: requests to the provider per second from this node; 0 for no limit. */
	PlaceSearch(@Nullable Geocoder geocoder, String provider, CircuitBreaker breaker, Cache<String, List<Place>> answers,
			int maxPerSecond, MeterRegistry meters) {
		this.geocoder = geocoder;
		this.provider = provider;
		this.breaker = breaker;
		this.answers = answers;
		this.outgoing = maxPerSecond <= 0 ? null : Bucket.builder()
			.addLimit(limit -> limit.capacity(maxPerSecond).refillGreedy(maxPerSecond, Duration.ofSeconds(1)))
			.build();
		this.meters = meters;
	}

	boolean available() {
		return geocoder != null;
	}

	List<Place> search(String query, int limit) {
		Geocoder asked = geocoder;
		if (asked == null) {
			return List.of();
		}
		String key = "search|" + limit + "|" + query.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
		return cached(key, () -> asked.search(query, limit));
	}

	/** The place at this position, as a list of none or one. */
	List<Place> reverse(double lat, double lng) {
		Geocoder asked = geocoder;
		if (asked == null) {
			return List.of();
		}
		// positions within about a metre share an answer
		String key = "reverse|" + round(lat) + "|" + round(lng);
		return cached(key, () -> asked.reverse(lat, lng).map(List::of).orElse(List.of()));
	}

	private List<Place> cached(String key, Supplier<List<Place>> ask) {
		List<Place> known = answers.getIfPresent(key);
		if (known != null) {
			count("cached");
			return known;
		}
		awaitTurn();
		List<Place> answer = guarded(ask);
		answers.put(key, answer);
		count("answered");
		return answer;
	}

	/**
	 * The provider is asked at most {@code max-requests-per-second} times a second from this node (Nominatim's public
	 * instance allows one): a question whose turn comes within {@link #MAX_WAIT} waits for it, any other is answered
	 * 503 at once.
	 */
	private void awaitTurn() {
		if (outgoing == null) {
			return;
		}
		try {
			if (outgoing.asBlocking().tryConsume(1, MAX_WAIT)) {
				return;
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		count("throttled");
		throw new ProviderUnavailable("more questions than the geocoder may be asked a second");
	}

	private List<Place> guarded(Supplier<List<Place>> ask) {
		try {
			return breaker.executeSupplier(ask);
		}
		catch (CallNotPermittedException e) {
			count("unavailable");
			throw new ProviderUnavailable("the geocoder's circuit is open after repeated failures", e);
		}
		catch (ProviderUnavailable e) {
			count("unavailable");
			throw e;
		}
		catch (RuntimeException e) {
			count("unavailable");
			throw new ProviderUnavailable("the geocoder's answer could not be used: " + e.getMessage(), e);
		}
	}

	private void count(String outcome) {
		Counter.builder("returnit.geocoder.requests")
			.description("Address searches and reverse lookups, by how they were answered")
			.tag("provider", provider).tag("outcome", outcome)
			.register(meters).increment();
	}

	private static String round(double coordinate) {
		return BigDecimal.valueOf(coordinate).setScale(5, RoundingMode.HALF_UP).toPlainString();
	}
}
