package com.returnit.orders;

import com.returnit.platform.PaymentRequired;

/** The provider refused the booking's payment method: answered 402, and no order is created. */
public class PaymentDeclined extends PaymentRequired {

	public PaymentDeclined(String code, String message) {
		super("paymentMethod", code, message);
	}
}
