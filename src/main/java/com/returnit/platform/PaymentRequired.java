package com.returnit.platform;

/**
 * The payment for this request was refused: 402 problem+json naming the field that carried the payment method, with
 * the provider's code.
 */
public class PaymentRequired extends RuntimeException {

	private final String field;
	private final String code;

	public PaymentRequired(String field, String code, String detail) {
		super(detail);
		this.field = field;
		this.code = code;
	}

	public String field() {
		return field;
	}

	public String code() {
		return code;
	}
}
