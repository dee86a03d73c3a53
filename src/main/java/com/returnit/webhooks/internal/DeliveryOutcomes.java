package com.returnit.webhooks.internal;

import com.returnit.platform.RetrySchedule;
import com.returnit.webhooks.WebhookEndpointDisabled;
import com.returnit.webhooks.internal.domain.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies what an attempt meant, in one transaction: logs the attempt, then delivers, schedules the next retry
 * (no sooner than Retry-After), gives up after the last one, or disables the endpoint (410 Gone, or failing for
 * {@code disable-after}) and announces it so that operators are told.
 */
@Component
class DeliveryOutcomes {

	private static final Logger log = LoggerFactory.getLogger(DeliveryOutcomes.class);

	private final DeliveryRepository deliveries;
	private final EndpointRepository endpoints;
	private final ApplicationEventPublisher events;
	private final WebhookMetrics metrics;
	private final WebhookProperties properties;
	private final RetrySchedule schedule = RetrySchedule.STANDARD;

	DeliveryOutcomes(DeliveryRepository deliveries, EndpointRepository endpoints, ApplicationEventPublisher events,
			WebhookMetrics metrics, WebhookProperties properties) {
		this.deliveries = deliveries;
		this.endpoints = endpoints;
		this.events = events;
		this.metrics = metrics;
		this.properties = properties;
	}

	@Transactional
	void apply(DeliveryRepository.Claim claim, Endpoint endpoint, Outcome outcome, @Nullable String responseBody,
			Instant at, Duration took) {
		int attempt = claim.attempts() + 1;
		switch (outcome) {
			case Outcome.Delivered d -> {
				deliveries.logAttempt(claim.id(), new DeliveryRepository.Attempt(attempt, at, d.status(), took.toMillis(), null, null,
						responseBody));
				deliveries.settle(claim.id(), "succeeded", attempt, d.status(), null, null, at);
				endpoints.markHealthy(endpoint.id());
				metrics.delivered();
			}
			case Outcome.Gone g -> {
				deliveries.logAttempt(claim.id(), new DeliveryRepository.Attempt(attempt, at, 410, took.toMillis(), "410 Gone", null,
						responseBody));
				deliveries.settle(claim.id(), "failed", attempt, 410, "410 Gone: endpoint disabled", null, at);
				metrics.failed("http_4xx");
				disable(endpoint, "answered 410 Gone", at);
			}
			case Outcome.Retry r -> retry(claim, endpoint, r, responseBody, attempt, at, took);
		}
	}

	private void retry(DeliveryRepository.Claim claim, Endpoint endpoint, Outcome.Retry retry,
			@Nullable String responseBody, int attempt, Instant at, Duration took) {
		metrics.failed(kind(retry));
		Instant failingSince = endpoints.markFailing(endpoint.id(), at);
		var wait = schedule.after(attempt, ThreadLocalRandom.current())
			.map(delay -> retry.retryAfter().filter(after -> after.compareTo(delay) > 0).orElse(delay));
		Instant next = wait.map(at::plus).orElse(null);
		deliveries.logAttempt(claim.id(), new DeliveryRepository.Attempt(attempt, at, retry.status(), took.toMillis(),
				retry.error(), next, responseBody));
		boolean tooLong = !failingSince.plus(properties.disableAfter()).isAfter(at);
		if (next == null || tooLong) {
			deliveries.settle(claim.id(), "failed", attempt, retry.status(),
					next == null ? retry.error() + "; gave up after " + attempt + " attempts" : retry.error(), null, at);
		}
		else {
			deliveries.settle(claim.id(), "pending", attempt, retry.status(), retry.error(), next, at);
		}
		if (tooLong) {
			disable(endpoint, "failing since " + failingSince, at);
		}
	}

	private void disable(Endpoint endpoint, String reason, Instant at) {
		if (endpoints.disable(endpoint.id(), reason, at)) {
			int failed = deliveries.failPending(endpoint.id(), "endpoint disabled: " + reason, at);
			log.warn("Webhook endpoint {} of merchant {} ({}) disabled: {}; {} pending deliveries failed",
					endpoint.id(), endpoint.merchantId(), endpoint.url(), reason, failed);
			metrics.endpointDisabled();
			events.publishEvent(new WebhookEndpointDisabled(endpoint.id(), endpoint.merchantId(), endpoint.url(),
					reason, at));
		}
	}

	/** Gives back, untried and still due, a delivery whose endpoint was paused after it was claimed. */
	void held(DeliveryRepository.Claim claim) {
		deliveries.release(claim.id());
	}

	/** Fails a delivery whose endpoint was disabled after it was queued. */
	@Transactional
	void endpointGone(DeliveryRepository.Claim claim, Instant at) {
		deliveries.settle(claim.id(), "failed", claim.attempts(), null, "endpoint disabled", null, at);
	}

	private static String kind(Outcome.Retry retry) {
		if (retry.status() != null) {
			return "http_" + retry.status() / 100 + "xx";
		}
		String error = retry.error();
		if (error.startsWith("timeout")) {
			return "timeout";
		}
		return error.startsWith("refused") ? "refused_address" : "connection";
	}
}
