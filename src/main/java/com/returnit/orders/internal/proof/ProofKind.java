package com.returnit.orders.internal.proof;

import java.util.Locale;

/** A photo of the parcels or the door, or the customer's signature. */
public enum ProofKind {
	PHOTO, SIGNATURE;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	static ProofKind fromCode(String code) {
		return valueOf(code.toUpperCase(Locale.ROOT));
	}
}
