package com.returnit.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnit.support.EndToEndTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What an order's change means inside the service (its timeline, its live-stream event, its webhook event, the
 * customer's message, its dispatch job) is written in the transaction that changes the order (ADR 52, 53): there as
 * soon as the answer is. Payments (whose work calls the payment provider) and dispatch (closing the job locks its
 * offers) hear of a cancellation through the JDBC event publication registry, after the commit.
 */
class OrderEventsTests extends EndToEndTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void bookingAndCancellingWriteWhatTheyMeanWithTheChangeAndOnlyACancellationHasPublications() {
		var merchant = fixtures.merchant("Evented");
		var customer = fixtures.customer();
		String orderId = fixtures.order(customer, merchant);
		api.post("/v1/orders/" + orderId + "/cancel", customer.token(), Map.of("reason", "no longer needed"));

		// committed with each change: there as soon as the answers are
		UUID order = UUID.fromString(orderId);
		assertThat(ofOrder("SELECT type FROM order_timeline WHERE order_id = :order ORDER BY sequence", order))
			.containsExactly("order.scheduled", "order.cancelled");
		assertThat(ofOrder("SELECT data ->> 'status' FROM stream_events WHERE order_id = :order AND type = 'order.status' "
				+ "ORDER BY id", order)).containsExactly("scheduled", "cancelled");
		assertThat(ofOrder("SELECT type FROM webhook_events WHERE order_id = :order ORDER BY sequence", order))
			.containsExactly("order.scheduled", "order.cancelled");
		assertThat(ofOrder("SELECT template FROM notification_messages WHERE order_id = :order", order))
			.contains("booking_confirmed");
		assertThat(ofOrder("SELECT status FROM dispatch_jobs WHERE order_id = :order", order)).hasSize(1);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			var publications = jdbc.sql("""
					SELECT event_type || ' -> ' || listener_id || (CASE WHEN completion_date IS NULL THEN ' pending'
					       ELSE ' completed' END)
					FROM event_publication WHERE serialized_event LIKE :order""")
				.param("order", "%" + orderId + "%")
				.query(String.class).list();
			assertThat(publications).allMatch(p -> p.endsWith(" completed"))
				.anyMatch(p -> p.startsWith("com.returnit.orders.OrderCancelled -> com.returnit.payments."))
				.anyMatch(p -> p.startsWith("com.returnit.orders.OrderCancelled -> com.returnit.dispatch."))
				.noneMatch(p -> p.startsWith("com.returnit.orders.OrderScheduled"))
				.noneMatch(p -> p.contains(" -> com.returnit.orders."))
				.noneMatch(p -> p.contains(" -> com.returnit.tracking."))
				.noneMatch(p -> p.contains(" -> com.returnit.webhooks."))
				.noneMatch(p -> p.contains(" -> com.returnit.notifications."));
		});
		assertThat(ofOrder("SELECT status FROM dispatch_jobs WHERE order_id = :order", order)).containsExactly("cancelled");
	}

	private List<String> ofOrder(String sql, UUID order) {
		return jdbc.sql(sql).param("order", order).query(String.class).list();
	}
}
