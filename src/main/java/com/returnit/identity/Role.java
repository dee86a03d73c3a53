package com.returnit.identity;

/** What a caller is: each role sees and does different things. */
public enum Role {
	CUSTOMER, DRIVER, MERCHANT, OPERATOR;

	public String code() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}
}
