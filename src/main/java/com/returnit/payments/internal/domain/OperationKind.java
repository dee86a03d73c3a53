package com.returnit.payments.internal.domain;

import java.util.Locale;

/** A call to the payment provider on behalf of one payment. */
public enum OperationKind {
	AUTHORIZE, CAPTURE, VOID, REFUND;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static OperationKind fromCode(String code) {
		return valueOf(code.toUpperCase(Locale.ROOT));
	}
}
