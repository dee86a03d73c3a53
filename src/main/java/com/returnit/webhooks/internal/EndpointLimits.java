package com.returnit.webhooks.internal;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Keeps one slow or dead endpoint from taking the whole worker pool: at most {@code perEndpointConcurrency}
 * requests in flight to an endpoint on this node, and a circuit breaker per endpoint that stops calling it for a
 * while when most recent calls failed. Deliveries of a busy or open endpoint stay in the outbox untried.
 */
final class EndpointLimits {

	private final int perEndpoint;
	private final Map<UUID, Semaphore> inFlight = new ConcurrentHashMap<>();
	private final CircuitBreakerRegistry breakers;
	private final Duration openFor;
	private final Map<String, Long> openUntilNanos = new ConcurrentHashMap<>();

	EndpointLimits(WebhookProperties properties) {
		this.perEndpoint = properties.perEndpointConcurrency();
		WebhookProperties.Breaker breaker = properties.breaker();
		this.openFor = breaker.openFor();
		this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
			.failureRateThreshold(breaker.failureRatePercent())
			.minimumNumberOfCalls(breaker.minimumCalls())
			.slidingWindowSize(breaker.window())
			.waitDurationInOpenState(breaker.openFor())
			.permittedNumberOfCallsInHalfOpenState(1)
			.automaticTransitionFromOpenToHalfOpenEnabled(false)
			.build());
	}

	/** A slot for one request to the endpoint, or false when it is at its limit or its circuit is open. */
	boolean tryAcquire(UUID endpointId) {
		CircuitBreaker breaker = breaker(endpointId);
		if (!breaker.tryAcquirePermission()) {
			return false;
		}
		if (!semaphore(endpointId).tryAcquire()) {
			breaker.releasePermission();
			return false;
		}
		return true;
	}

	/** Ends a request that was made: its result feeds the breaker. */
	void finished(UUID endpointId, boolean succeeded, Duration took) {
		if (succeeded) {
			breaker(endpointId).onSuccess(took.toNanos(), TimeUnit.NANOSECONDS);
		}
		else {
			breaker(endpointId).onError(took.toNanos(), TimeUnit.NANOSECONDS, new IllegalStateException("failed"));
		}
		semaphore(endpointId).release();
	}

	/** Ends a slot that made no request (the delivery was given back). */
	void abandoned(UUID endpointId) {
		breaker(endpointId).releasePermission();
		semaphore(endpointId).release();
	}

	/** Endpoints not worth claiming work for right now: at their limit, or with an open circuit. */
	Set<UUID> unavailable() {
		Set<UUID> busy = inFlight.entrySet().stream().filter(e -> e.getValue().availablePermits() == 0)
			.map(Map.Entry::getKey).collect(Collectors.toSet());
		long now = System.nanoTime();
		openUntilNanos.entrySet().removeIf(e -> e.getValue() - now <= 0);
		openUntilNanos.keySet().forEach(name -> busy.add(UUID.fromString(name)));
		return busy;
	}

	CircuitBreaker.State state(UUID endpointId) {
		return breaker(endpointId).getState();
	}

	private CircuitBreaker breaker(UUID endpointId) {
		return breakers.find(endpointId.toString()).orElseGet(() -> {
			CircuitBreaker breaker = breakers.circuitBreaker(endpointId.toString());
			breaker.getEventPublisher().onStateTransition(event -> {
				if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
					openUntilNanos.put(breaker.getName(), System.nanoTime() + openFor.toNanos());
				}
			});
			return breaker;
		});
	}

	private Semaphore semaphore(UUID endpointId) {
		return inFlight.computeIfAbsent(endpointId, id -> new Semaphore(perEndpoint));
	}
}
