package com.returnit.orders.internal.domain;

import org.jspecify.annotations.Nullable;

/** Why a pickup could not happen, as the driver reported it. */
public record Failure(Reason reason, @Nullable String note) {

	public enum Reason {
		CUSTOMER_ABSENT, ITEMS_NOT_READY, UNSAFE, OTHER;

		public String code() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}
	}
}
