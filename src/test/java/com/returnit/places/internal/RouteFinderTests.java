package com.returnit.places.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The way to a pickup never fails: a router that is down or has opened its circuit gives the straight line. */
class RouteFinderTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
	private final CircuitBreaker breaker = CircuitBreaker.of("routing", CircuitBreakerConfig.custom()
		.minimumNumberOfCalls(2).slidingWindowSize(2).waitDurationInOpenState(Duration.ofMinutes(1)).build());

	@Test
	void aRouterNobodyAnswersGivesTheStraightLineAndThenIsNotAskedWhileItsCircuitIsOpen() throws Exception {
		int closedPort;
		try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		var router = new OsrmRouter(new ProviderHttp(URI.create("http://127.0.0.1:" + closedPort), "ReturnIt/test",
				Duration.ofSeconds(1)), "driving");
		var finder = new RouteFinder(router, breaker, Caffeine.newBuilder().<String, Route>build(), meters);

		for (int i = 0; i < 3; i++) {
			Route route = finder.between(52.50, 13.40 + i / 100.0, 52.51, 13.41);
			assertThat(route.road()).isFalse();
			assertThat(route.path()).hasSize(2);
			assertThat(route.durationS()).isNull();
		}

		assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
		assertThat(meters.counter("returnit.routing.requests", "outcome", "straight").count()).isEqualTo(3);
	}

	@Test
	void withoutARouterEveryRouteIsTheStraightLineWithItsLength() {
		var finder = new RouteFinder(null, breaker, Caffeine.newBuilder().<String, Route>build(), meters);

		Route route = finder.between(52.5200, 13.4050, 52.5300, 13.4050);

		assertThat(route.road()).isFalse();
		assertThat(route.distanceM()).isBetween(1_110.0, 1_113.0);
		assertThat(route.path().getFirst()).containsExactly(52.52, 13.405);
		assertThat(route.path().getLast()).containsExactly(52.53, 13.405);
	}

	@Test
	void placesFartherApartThanAnyPickupFromItsDriverGetTheStraightLineWithoutAskingTheRouter() {
		var finder = new RouteFinder((a, b, c, d) -> {
			throw new AssertionError("the router was asked");
		}, breaker, Caffeine.newBuilder().<String, Route>build(), meters);

		Route route = finder.between(52.52, 13.405, 48.137, 11.575);

		assertThat(route.road()).isFalse();
		assertThat(route.distanceM()).isGreaterThan(RouteFinder.MAX_ROUTED_KM * 1000);
	}
}
