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
import org.jspecify.annotations.Nullable;

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
		if (endpoint == null || endpoint.status() == Endpoint.Status.DISABLED) {
			outcomes.endpointGone(claim, clock.instant());
			return true;
		}
		if (endpoint.status() == Endpoint.Status.PAUSED) {
			outcomes.held(claim);
			return true;
		}
		Instant at = clock.instant();
		long started = System.nanoTime();
		Sent sent = send(endpoint, claim, at);
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		outcomes.apply(claim, endpoint, sent.outcome(), sent.responseBody(), at, took);
		return sent.outcome() instanceof Outcome.Delivered;
	}

	/** What an attempt meant, and what the receiver answered (its first 4 KiB), if it answered. */
	private record Sent(Outcome outcome, @Nullable String responseBody) {
	}

	private Sent send(Endpoint endpoint, DeliveryRepository.Claim claim, Instant at) {
		String timestamp = Long.toString(at.getEpochSecond());
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("webhook-id", claim.eventId());
		headers.put("webhook-timestamp", timestamp);
		headers.put("webhook-signature", endpoint.signingSecrets(at).stream()
			.map(secret -> new WebhookVerifier(secret).sign(claim.eventId(), timestamp, claim.payload()))
			.collect(Collectors.joining(" ")));
		try {
			GuardedHttp.Response response = http.post(endpoint.url(), headers, claim.payload());
			return new Sent(Outcome.ofResponse(response.status(), response.retryAfter(), clock.instant()),
					response.body());
		}
		catch (GuardedHttp.RefusedAddress e) {
			return new Sent(Outcome.ofError("refused: " + e.getMessage()), null);
		}
		catch (InterruptedIOException e) {
			return new Sent(Outcome.ofError("timeout: " + e.getMessage()), null);
		}
		catch (IOException | RuntimeException e) {
			return new Sent(Outcome.ofError("connection: " + e.getClass().getSimpleName() + ": " + e.getMessage()),
					null);
		}
	}
}
