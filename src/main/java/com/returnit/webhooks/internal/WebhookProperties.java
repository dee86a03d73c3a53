package com.returnit.webhooks.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code returnit.webhooks.*}: who may be called over http, timeouts, the worker pool and its limits.
 *
 * @param allowedHosts hosts (names or IPs) opened over plain http and to any address, for development and tests
 * @param timeout how long one attempt may take before it counts as failed and is retried
 * @param lease how long a claimed delivery stays with its worker; a node that dies lets it go after this
 * @param disableAfter an endpoint failing for this long is disabled and operators are told
 * @param secretOverlap how long a rotated-out secret keeps signing next to the new one
 */
@ConfigurationProperties("returnit.webhooks")
record WebhookProperties(boolean enabled, List<String> allowedHosts, Duration timeout, Duration connectTimeout,
		Duration pollInterval, int batchSize, int maxConcurrency, int perEndpointConcurrency, Duration lease,
		Duration disableAfter, Duration secretOverlap, Breaker breaker) {

	/** Circuit breaker per endpoint: open when this share of the last calls failed, for {@code openFor}. */
	record Breaker(float failureRatePercent, int minimumCalls, int window, Duration openFor) {
	}

	Set<String> allowedHostSet() {
		return allowedHosts.stream().map(String::trim).filter(h -> !h.isEmpty())
			.map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
	}
}
