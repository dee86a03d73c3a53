package com.returnit.notifications.internal;

import java.util.Locale;

/** How a message reaches someone. */
enum Channel {
	EMAIL, SMS;

	String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Channel of(String code) {
		return valueOf(code.toUpperCase(Locale.ROOT));
	}
}
