package com.returnit.webhooks.internal;

import com.returnit.webhooks.WebhookVerifier;
import com.returnit.webhooks.internal.domain.Outcome;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Makes one attempt of one delivery: signs the payload with every signing secret of the endpoint (Standard
 * Webhooks: {@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature}), posts it through
 * {@link GuardedHttp} and hands the outcome to {@link DeliveryOutcomes}.
 */
final class Deliverer {

	private final GuardedHttp http;
	private final EndpointRepository endpoints;
	private final DeliveryOutcomes outcomes;
	private final Clock clock;

	Deliverer(GuardedHttp http, EndpointRepository endpoints, DeliveryOutcomes outcomes, Clock clock) {
		this.http = http;
		this.endpoints = endpoints;
		this.outcomes = outcomes;
		this.clock = clock;
	}

	/** Answers whether the endpoint answered 2xx; a delivery that made no request answers true. */
	boolean attempt(DeliveryRepository.Claim claim) {
		Endpoint endpoint = endpoints.find(claim.endpointId()).orElse(null);
		if (endpoint == null || !endpoint.enabled()) {
			outcomes.endpointGone(claim, clock.instant());
			return true;
		}
		Instant at = clock.instant();
		long started = System.nanoTime();
		Outcome outcome = send(endpoint, claim, at);
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		outcomes.apply(claim, endpoint, outcome, at, took);
		return outcome instanceof Outcome.Delivered;
	}

	private Outcome send(Endpoint endpoint, DeliveryRepository.Claim claim, Instant at) {
		String timestamp = Long.toString(at.getEpochSecond());
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("webhook-id", claim.eventId());
		headers.put("webhook-timestamp", timestamp);
		headers.put("webhook-signature", endpoint.signingSecrets(at).stream()
			.map(secret -> new WebhookVerifier(secret).sign(claim.eventId(), timestamp, claim.payload()))
			.collect(Collectors.joining(" ")));
		try {
			GuardedHttp.Response response = http.post(endpoint.url(), headers, claim.payload());
			return Outcome.ofResponse(response.status(), response.retryAfter(), clock.instant());
		}
		catch (GuardedHttp.RefusedAddress e) {
			return Outcome.ofError("refused: " + e.getMessage());
		}
		catch (InterruptedIOException e) {
			return Outcome.ofError("timeout: " + e.getMessage());
		}
		catch (IOException | RuntimeException e) {
			return Outcome.ofError("connection: " + e.getClass().getSimpleName() + ": " + e.getMessage());
		}
	}
}
