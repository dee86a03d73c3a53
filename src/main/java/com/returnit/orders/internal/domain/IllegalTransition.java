package com.returnit.orders.internal.domain;

import com.returnit.platform.Conflict;

/** A state change the order's current status does not allow; answered as 409. */
public class IllegalTransition extends Conflict {

	public IllegalTransition(OrderStatus from, String action) {
		super("An order that is " + from.code() + " cannot be " + action + ".");
	}
}
