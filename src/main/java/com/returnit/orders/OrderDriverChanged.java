package com.returnit.orders;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An operator moved an order between drivers: assigned it ({@code previousDriverId} null), reassigned it, or
 * unassigned it ({@code driverId} null). Published with the order's own {@link OrderStatusChanged}, so that the
 * drivers' apps following the order learn at once whose job it is.
 */
public record OrderDriverChanged(UUID orderId, @Nullable UUID previousDriverId, @Nullable UUID driverId,
		Instant occurredAt) {
}
