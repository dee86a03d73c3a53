package com.returnit.operations.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code returnit.operations}: who may scrape, what counts as slow, when readiness fails on the event backlog, how
 * long the request history is kept, and how alerts are evaluated and sent.
 */
@ConfigurationProperties("returnit.operations")
record OperationsProperties(String scrapeToken, Duration slowRequest, Duration slowQuery, EventBacklog eventBacklog,
		Duration history, Alerts alerts) {

	/** Readiness fails when more than {@code max} publications are incomplete for longer than {@code maxAge}. */
	record EventBacklog(long max, Duration maxAge) {
	}

	/**
	 * How often the rules run, how long a condition must hold before it fires, how soon an area with orders counts
	 * as active, and who is e-mailed (empty: every operator account).
	 */
	record Alerts(Duration evaluateEvery, Duration pendingFor, Duration activeAreaWindow, List<String> emailTo,
			String emailFrom) {

		Alerts {
			activeAreaWindow = activeAreaWindow == null ? Duration.ofHours(2) : activeAreaWindow;
			emailTo = emailTo == null ? List.of() : emailTo.stream().filter(s -> !s.isBlank()).toList();
		}
	}

	OperationsProperties {
		scrapeToken = scrapeToken == null ? "" : scrapeToken;
	}
}
