package com.returnit.notifications.internal;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code returnit.notifications.*}.
 *
 * @param publicBaseUrl where customers reach ReturnIt, to make tracking links absolute
 * @param rebookUrl the page where a customer books again; {@code {orderId}} is replaced by the failed order's id
 * @param operatorsEmail who hears of disabled webhook endpoints (no email when blank; always logged)
 * @param zone the time zone pickup windows are written in
 */
@ConfigurationProperties("returnit.notifications")
record NotificationProperties(boolean enabled, String publicBaseUrl, String rebookUrl, String operatorsEmail,
		ZoneId zone, Duration pollInterval, int batchSize, int maxConcurrency, Duration lease, Email email, Sms sms) {

	record Email(String from) {
	}

	/** {@code provider}: {@code log} (default) or {@code twilio}. */
	record Sms(String provider, Twilio twilio) {
	}

	record Twilio(String baseUrl, String accountSid, String authToken, String from, Duration timeout) {
	}
}
