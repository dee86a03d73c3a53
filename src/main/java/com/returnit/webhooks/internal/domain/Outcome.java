package com.returnit.webhooks.internal.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * What one delivery attempt means: a 2xx delivered it, 410 Gone switches the endpoint off, anything else (3xx, 4xx,
 * 5xx, timeouts, refused connections) is retried, no sooner than a {@code Retry-After} the receiver asked for.
 */
public sealed interface Outcome {

	record Delivered(int status) implements Outcome {
	}

	record Gone() implements Outcome {
	}

	record Retry(Integer status, String error, Optional<Duration> retryAfter) implements Outcome {
	}

	static Outcome ofResponse(int status, String retryAfterHeader, Instant now) {
		if (status >= 200 && status < 300) {
			return new Delivered(status);
		}
		if (status == 410) {
			return new Gone();
		}
		return new Retry(status, "HTTP " + status, retryAfter(retryAfterHeader, now));
	}

	static Outcome ofError(String error) {
		return new Retry(null, error, Optional.empty());
	}

	/** {@code Retry-After} as seconds or an HTTP date, capped at a day; empty when absent or unreadable. */
	static Optional<Duration> retryAfter(String header, Instant now) {
		if (header == null || header.isBlank()) {
			return Optional.empty();
		}
		Duration wait;
		try {
			wait = Duration.ofSeconds(Long.parseLong(header.trim()));
		}
		catch (NumberFormatException e) {
			try {
				wait = Duration.between(now, ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
			}
			catch (RuntimeException unreadable) {
				return Optional.empty();
			}
		}
		if (wait.isNegative()) {
			return Optional.empty();
		}
		return Optional.of(wait.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1) : wait);
	}
}
