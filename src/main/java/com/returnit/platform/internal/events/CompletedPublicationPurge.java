package com.returnit.platform.internal.events;

import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Completed event publications are kept for {@code returnit.events.keep-completed} (a week) to answer "was this
 * handled?", then deleted: a booking leaves about six, and the registry is read by status on every node every few
 * seconds (ADR 0025). Every node may run it; the delete is the same statement either way.
 */
@Component
class CompletedPublicationPurge {

	private final CompletedEventPublications completed;
	private final EventsProperties properties;

	CompletedPublicationPurge(CompletedEventPublications completed, EventsProperties properties) {
		this.completed = completed;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "${returnit.events.purge-every}", initialDelayString = "${returnit.events.purge-every}")
	void purge() {
		completed.deletePublicationsOlderThan(properties.keepCompleted());
	}
}
