package com.returnit.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnit.support.EndToEndTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Scheduling and cancelling publish events through the JDBC event publication registry. */
class OrderEventsTests extends EndToEndTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void bookingAndCancellingRecordEventPublicationsThatTheListenersComplete() {
		var merchant = fixtures.merchant("Evented");
		var customer = fixtures.customer();
		String orderId = fixtures.order(customer, merchant);
		api.post("/v1/orders/" + orderId + "/cancel", customer.token(), Map.of("reason", "no longer needed"));

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			var publications = jdbc.sql("""
					SELECT event_type, completion_date IS NOT NULL AS completed FROM event_publication
					WHERE serialized_event LIKE :order ORDER BY publication_date""")
				.param("order", "%" + orderId + "%")
				.query((rs, n) -> rs.getString(1) + (rs.getBoolean(2) ? " completed" : " pending"))
				.list();
			assertThat(publications).containsExactly("com.returnit.orders.OrderScheduled completed",
					"com.returnit.orders.OrderCancelled completed");
		});
	}
}
