package com.returnit.notifications.internal;

import com.returnit.notifications.SmsProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default SMS provider: writes the message to the log, for development and deployments without SMS. */
final class LogOnlySms implements SmsProvider {

	private static final Logger log = LoggerFactory.getLogger(LogOnlySms.class);

	@Override
	public void send(String to, String body) {
		log.info("SMS to {} (log only): {}", to, body);
	}
}
