package com.returnit.places.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What stands between the API and the provider: the cache, the outgoing rate limit and the circuit breaker. */
class PlaceSearchGuardsTests {

	private final AtomicInteger asked = new AtomicInteger();
	private volatile RuntimeException failure;
	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final Geocoder geocoder = new Geocoder() {

		@Override
		public List<Place> search(String query, int limit) {
			asked.incrementAndGet();
			if (failure != null) {
				throw failure;
			}
			return List.of(new Place(query + ", Berlin", 52.5, 13.4));
		}

		@Override
		public Optional<Place> reverse(double lat, double lng) {
			asked.incrementAndGet();
			return Optional.of(new Place("Torstraße 1, Berlin", lat, lng));
		}
	};

	@Test
	void theSameQuestionInAnyCaseOrSpacingIsAskedOnceAndNearbyPinsShareAnAnswer() {
		PlaceSearch search = search(0);

		search.search("Torstraße  1", 5);
		search.search("torstraße 1", 5);
		search.reverse(52.529001, 13.401001);
		search.reverse(52.529002, 13.401002);

		assertThat(asked).hasValue(2);
		assertThat(search.search("Torstraße 1", 3)).as("another limit is another question").hasSize(1);
		assertThat(asked).hasValue(3);
		assertThat(meters.counter("returnit.geocoder.requests", "provider", "nominatim", "outcome", "cached").count())
			.isEqualTo(2);
	}

	@Test
	void theProviderIsAskedNoMoreOftenThanAllowedAndAQuestionWhoseTurnIsFarIsUnavailableAtOnce() throws Exception {
		PlaceSearch search = search(1);
		search.search("First Street", 5);

		long started = System.nanoTime();
		assertThatThrownBy(() -> search.search("Second Street", 5)).isInstanceOf(ProviderUnavailable.class);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("a second away: no waiting for it")
			.isLessThan(Duration.ofMillis(200));
		assertThat(search.search("First Street", 5)).as("answered from the cache, no turn needed").hasSize(1);
		assertThat(asked).hasValue(1);
		assertThat(meters.counter("returnit.geocoder.requests", "provider", "nominatim", "outcome", "throttled").count())
			.isEqualTo(1);

		Thread.sleep(1_000);
		assertThat(search.search("Second Street", 5)).hasSize(1);
		assertThat(asked).hasValue(2);
	}

	@Test
	void aQuestionWhoseTurnComesWithinHalfASecondWaitsForIt() {
		PlaceSearch search = search(4);
		for (String query : List.of("One", "Two", "Three", "Four")) {
			search.search(query, 5);
		}

		long started = System.nanoTime();
		assertThat(search.search("Five", 5)).hasSize(1);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("a turn every 250 ms")
			.isBetween(Duration.ofMillis(150), Duration.ofMillis(PlaceSearch.MAX_WAIT.toMillis()));
		assertThat(asked).hasValue(5);
	}

	@Test
	void aFailingProviderOpensTheCircuitAndIsThenNotAskedAtAll() {
		PlaceSearch search = search(0);
		failure = new IllegalStateException("boom");

		for (String query : List.of("One", "Two", "Three")) {
			assertThatThrownBy(() -> search.search(query, 5)).isInstanceOf(ProviderUnavailable.class);
		}
		assertThatThrownBy(() -> search.search("Four", 5)).isInstanceOf(ProviderUnavailable.class)
			.hasMessageContaining("circuit is open");
		assertThat(asked).hasValue(3);
	}

	@Test
	void withoutAProviderNothingIsAvailableAndNothingAsked() {
		PlaceSearch none = new PlaceSearch(null, "none", CircuitBreaker.ofDefaults("none"),
				Caffeine.newBuilder().build(), 1, meters);

		assertThat(none.available()).isFalse();
		assertThat(none.search("Torstraße 1", 5)).isEmpty();
		assertThat(none.reverse(52.5, 13.4)).isEmpty();
	}

	private PlaceSearch search(int maxPerSecond) {
		CircuitBreaker breaker = CircuitBreaker.of("geocoder", CircuitBreakerConfig.custom().slidingWindowSize(4)
			.minimumNumberOfCalls(3).waitDurationInOpenState(Duration.ofMinutes(1)).build());
		return new PlaceSearch(geocoder, "nominatim", breaker, Caffeine.newBuilder().build(), maxPerSecond, meters);
	}
}
