package com.returnit.orders.internal.domain;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** How far an order has come: everything about it that changes after booking. */
public record Progress(OrderStatus status, @Nullable UUID driverId, @Nullable String cancelReason,
		@Nullable PickupProof proof, @Nullable UUID hubId, @Nullable Failure failure) {

	static Progress scheduled() {
		return new Progress(OrderStatus.SCHEDULED, null, null, null, null, null);
	}

	Progress withStatus(OrderStatus next) {
		return new Progress(next, driverId, cancelReason, proof, hubId, failure);
	}
}
