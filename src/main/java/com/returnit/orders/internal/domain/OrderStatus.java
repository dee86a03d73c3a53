package com.returnit.orders.internal.domain;

import java.util.Locale;

/** Where an order is in its life. */
public enum OrderStatus {
	SCHEDULED, ASSIGNED, EN_ROUTE, PICKED_UP, DELIVERED, CANCELLED, FAILED;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static OrderStatus fromCode(String code) {
		return valueOf(code.toUpperCase(Locale.ROOT));
	}
}
