package com.returnit.notifications.internal;

import com.returnit.returnlinks.ReturnLinkSent;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A merchant's return link, emailed to its customer when the merchant asks: sent whatever the customer's preferences,
 * which are about their orders' progress, as the merchant sends it on the customer's behalf.
 */
@Component
class ReturnLinkMessages {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

	private final MessageRecorder recorder;
	private final NotificationProperties properties;

	ReturnLinkMessages(MessageRecorder recorder, NotificationProperties properties) {
		this.recorder = recorder;
		this.properties = properties;
	}

	@ApplicationModuleListener
	void on(ReturnLinkSent e) {
		recorder.toAccount("return_link", e.customerId(), e.email(), "return_link:" + e.sessionId(), Map.of(
				"name", e.customerName(), "merchantName", e.merchantName(), "merchantOrderRef", e.merchantOrderRef(),
				"link", e.link(), "expiresAt", WHEN.format(e.expiresAt().atZone(properties.zone()))));
	}
}
