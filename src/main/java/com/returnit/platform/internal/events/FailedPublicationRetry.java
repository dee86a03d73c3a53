package com.returnit.platform.internal.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Resubmits failed event publications while the service runs, instead of only at the next start: a listener that
 * failed (the database was away, the pool was exhausted, a bug since fixed) runs again after a growing wait. The
 * registry claims each publication before it runs it again, so that two nodes never resubmit the same one
 * (ADR 0025). Publications stuck in processing on a node that died are marked failed by Spring Modulith's staleness
 * monitor ({@code spring.modulith.events.staleness.*}) and then retried here.
 */
@Component
class FailedPublicationRetry {

	private final FailedEventPublications failed;
	private final EventsProperties properties;
	private final Clock clock;

	FailedPublicationRetry(FailedEventPublications failed, EventsProperties properties, Clock clock) {
		this.failed = failed;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${returnit.events.retry-every}", initialDelayString = "${returnit.events.retry-every}")
	void resubmitDue() {
		Instant now = clock.instant();
		failed.resubmit(ResubmissionOptions.defaults()
			.withBatchSize(500)
			.withMaxInFlight(properties.listenerConcurrency())
			.withFilter(publication -> isDue(publication, now)));
	}

	boolean isDue(EventPublication publication, Instant now) {
		int attempts = publication.getCompletionAttempts();
		if (attempts >= properties.maxAttempts()) {
			return false;
		}
		Instant last = publication.getLastResubmissionDate() != null ? publication.getLastResubmissionDate()
				: publication.getPublicationDate();
		return !now.isBefore(last.plus(backoff(attempts)));
	}

	Duration backoff(int attempts) {
		Duration wait = properties.retryBackoff().multipliedBy(1L << Math.min(attempts, 20));
		return wait.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : wait;
	}
}
