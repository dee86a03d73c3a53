package com.returnit.places.internal;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the configured road router ({@code returnit.routing.provider}) behind its circuit breaker and cache. */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

	private static final Logger log = LoggerFactory.getLogger(RoutingConfiguration.class);

	@Bean
	RouteFinder routeFinder(RoutingProperties properties, CircuitBreakerRegistry breakers, MeterRegistry meters) {
		Router router = switch (properties.provider()) {
			case "none" -> null;
			case "osrm" -> new OsrmRouter(new ProviderHttp(properties.baseUrl(), properties.userAgent(),
					properties.timeout()), properties.profile());
			default -> throw new IllegalStateException(
					"returnit.routing.provider must be none or osrm, not " + properties.provider());
		};
		if (router != null) {
			log.info("Road routes by {} at {}", properties.provider(), properties.baseUrl());
		}
		return new RouteFinder(router, breakers.circuitBreaker("routing"), Caffeine.newBuilder()
			.expireAfterWrite(properties.cacheTtl()).maximumSize(properties.cacheSize()).build(), meters);
	}
}
