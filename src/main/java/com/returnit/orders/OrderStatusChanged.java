package com.returnit.orders;

import java.time.Instant;
import java.util.UUID;

/** An order moved along its life: assigned, en_route or delivered, or back to scheduled (an operator unassigned it). */
public record OrderStatusChanged(UUID orderId, UUID merchantId, UUID customerId, String status, Instant occurredAt)
		implements OrderEvent {
}
