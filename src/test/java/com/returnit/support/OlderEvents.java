package com.returnit.support;

import com.returnit.orders.OrderScheduled;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Events as a previous version of the service made them, for the tests of an upgrade. */
public final class OlderEvents {

	private OlderEvents() {
	}

	/** A booked order's {@code OrderScheduled} as it was before it carried the pickup's place (ADR 53). */
	public static OrderScheduled scheduledWithoutPlace(JdbcClient jdbc, UUID orderId, String customerId, int items) {
		return jdbc.sql("SELECT merchant_id, window_start, window_end FROM orders WHERE id = :order")
			.param("order", orderId)
			.query((rs, n) -> new OrderScheduled(orderId, rs.getObject(1, UUID.class), UUID.fromString(customerId),
					rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant(), items, Instant.now(), null))
			.single();
	}
}
