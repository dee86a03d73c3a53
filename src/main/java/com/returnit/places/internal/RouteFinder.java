package com.returnit.places.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.returnit.platform.Geo;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A driver's way to the pickup: the router's road route when one is configured and answers (behind its circuit
 * breaker, cached per node for the same two places to ~10 m; not for places over 200 km apart), else the straight
 * line, said to be one. Never fails: a router that is down, slow or without a route costs at most its timeout, and the
 * map still has a line. Counted in {@code returnit.routing.requests} by outcome (road, straight, cached).
 */
final class RouteFinder {

	/** Farther apart than this, no router is asked (no pickup is that far from its driver): the straight line. */
	static final double MAX_ROUTED_KM = 200;

	private final @Nullable Router router;
	private final CircuitBreaker breaker;
	private final Cache<String, Route> cache;
	private final MeterRegistry meters;

	RouteFinder(@Nullable Router router, CircuitBreaker breaker, Cache<String, Route> cache, MeterRegistry meters) {
		this.router = router;
		this.breaker = breaker;
		this.cache = cache;
		this.meters = meters;
	}

	Route between(double fromLat, double fromLng, double toLat, double toLng) {
		if (router == null || Geo.distanceKm(fromLat, fromLng, toLat, toLng) > MAX_ROUTED_KM) {
			return counted("straight", straight(fromLat, fromLng, toLat, toLng));
		}
		String key = key(fromLat, fromLng, toLat, toLng);
		Route kept = cache.getIfPresent(key);
		if (kept != null) {
			return counted("cached", kept);
		}
		try {
			Route route = breaker.executeSupplier(() -> router.between(fromLat, fromLng, toLat, toLng));
			cache.put(key, route);
			return counted("road", route);
		}
		catch (RuntimeException e) {
			// the router is down, slow, has no route, or its circuit is open: the straight line, not an error
			return counted("straight", straight(fromLat, fromLng, toLat, toLng));
		}
	}

	static Route straight(double fromLat, double fromLng, double toLat, double toLng) {
		return new Route(false, Geo.distanceKm(fromLat, fromLng, toLat, toLng) * 1000, null,
				List.of(new double[] { fromLat, fromLng }, new double[] { toLat, toLng }));
	}

	private static String key(double... coordinates) {
		StringBuilder key = new StringBuilder();
		for (double c : coordinates) {
			key.append(Math.round(c * 10_000)).append(',');
		}
		return key.toString();
	}

	private Route counted(String outcome, Route route) {
		Counter.builder("returnit.routing.requests").tag("outcome", outcome).register(meters).increment();
		return route;
	}
}
