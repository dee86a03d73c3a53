package com.returnit.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnit.support.EndToEndTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Scheduling and cancelling publish events through the JDBC event publication registry to the modules they concern;
 * the order's own timeline is written in the same transaction as the change (ADR 52), with no publication of its own.
 */
class OrderEventsTests extends EndToEndTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void bookingAndCancellingRecordEventPublicationsThatEveryListenerCompletes() {
		var merchant = fixtures.merchant("Evented");
		var customer = fixtures.customer();
		String orderId = fixtures.order(customer, merchant);
		api.post("/v1/orders/" + orderId + "/cancel", customer.token(), Map.of("reason", "no longer needed"));

		// committed with each change: there as soon as the answers are
		assertThat(jdbc.sql("SELECT type FROM order_timeline WHERE order_id = :order ORDER BY sequence")
			.param("order", java.util.UUID.fromString(orderId)).query(String.class).list())
			.containsExactly("order.scheduled", "order.cancelled");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			var publications = jdbc.sql("""
					SELECT event_type || ' -> ' || listener_id || (CASE WHEN completion_date IS NULL THEN ' pending'
					       ELSE ' completed' END)
					FROM event_publication WHERE serialized_event LIKE :order""")
				.param("order", "%" + orderId + "%")
				.query(String.class).list();
			assertThat(publications).allMatch(p -> p.endsWith(" completed"))
				.anyMatch(p -> p.startsWith("com.returnit.orders.OrderScheduled -> com.returnit.dispatch."))
				.noneMatch(p -> p.contains(" -> com.returnit.orders."))
				.anyMatch(p -> p.startsWith("com.returnit.orders.OrderCancelled -> com.returnit.dispatch."))
				.anyMatch(p -> p.startsWith("com.returnit.orders.OrderCancelled -> com.returnit.tracking."));
		});
	}
}
