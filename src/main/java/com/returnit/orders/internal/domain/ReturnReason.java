package com.returnit.orders.internal.domain;

/** Why the customer sends an item back, as they chose it when booking (optional). */
public enum ReturnReason {
	WRONG_SIZE, NOT_AS_DESCRIBED, DAMAGED, CHANGED_MIND, ARRIVED_LATE, BETTER_PRICE, OTHER
}
