package com.returnit.places.internal;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the configured geocoder ({@code returnit.geocoder.provider}) behind its circuit breaker and cache. */
@Configuration(proxyBeanMethods = false)
class GeocoderConfiguration {

	private static final Logger log = LoggerFactory.getLogger(GeocoderConfiguration.class);

	@Bean
	PlaceSearch placeSearch(GeocoderProperties properties, CircuitBreakerRegistry breakers, MeterRegistry meters) {
		Geocoder geocoder = switch (properties.provider()) {
			case "none" -> null;
			case "nominatim" -> new NominatimGeocoder(http(properties), properties.countries());
			case "photon" -> new PhotonGeocoder(http(properties), properties.countries());
			default -> throw new IllegalStateException(
					"returnit.geocoder.provider must be none, nominatim or photon, not " + properties.provider());
		};
		if (geocoder != null) {
			log.info("Address search by {} at {}", properties.provider(), properties.baseUrl());
		}
		return new PlaceSearch(geocoder, properties.provider(), breakers.circuitBreaker("geocoder"),
				Caffeine.newBuilder().expireAfterWrite(properties.cacheTtl()).maximumSize(properties.cacheSize())
					.build(),
				properties.maxRequestsPerSecond(), meters);
	}

	private static ProviderHttp http(GeocoderProperties properties) {
		return new ProviderHttp(properties.baseUrl(), properties.userAgent(), properties.timeout());
	}
}
