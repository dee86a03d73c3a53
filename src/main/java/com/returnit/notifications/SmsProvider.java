package com.returnit.notifications;

/**
 * Sends one text message. Implementations: Twilio's REST API ({@code returnit.notifications.sms.provider=twilio})
 * and a log-only default; another provider is one more implementation of this interface.
 */
public interface SmsProvider {

	/** Returns when the provider accepted the message; throws when it did not (the message is retried). */
	void send(String to, String body) throws Exception;
}
