package com.returnit.payments.internal.domain;

/** A payment was asked to do what its current status does not allow. */
public class IllegalPaymentTransition extends RuntimeException {

	public IllegalPaymentTransition(PaymentStatus from, String action) {
		super("A payment that is " + from.code() + " cannot be " + action + ".");
	}
}
