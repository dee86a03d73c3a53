package com.returnit.orders;

import java.time.Instant;
import java.util.UUID;

/** Everything that happens to an order, published through the event publication registry. */
public sealed interface OrderEvent permits OrderScheduled, OrderCancelled, OrderStatusChanged, OrderPickedUp, OrderFailed {

	UUID orderId();

	/** The merchant whose order it is. */
	UUID merchantId();

	Instant occurredAt();
}
