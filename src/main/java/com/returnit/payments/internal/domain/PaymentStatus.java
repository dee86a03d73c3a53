package com.returnit.payments.internal.domain;

import java.util.Arrays;
import java.util.Locale;

/** Where a customer payment stands (ADR 0011). */
public enum PaymentStatus {
	REQUIRES_PAYMENT_METHOD, PAYMENT_PENDING, AUTHORIZED, CAPTURED, PARTIALLY_REFUNDED, REFUNDED, VOIDED, FAILED;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static PaymentStatus fromCode(String code) {
		return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst()
			.orElseThrow(() -> new IllegalArgumentException("unknown payment status " + code));
	}

	/** Money has been taken and may be (partly) given back. */
	public boolean captured() {
		return this == CAPTURED || this == PARTIALLY_REFUNDED || this == REFUNDED;
	}

	/** Nothing more can happen to this payment. */
	public boolean finished() {
		return this == REFUNDED || this == VOIDED || this == FAILED;
	}
}
