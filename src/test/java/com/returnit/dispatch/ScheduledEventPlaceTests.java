package com.returnit.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnit.orders.OrderScheduled;
import com.returnit.support.EndToEndTest;
import com.returnit.support.OlderEvents;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A booking's event carries where the pickup is, and dispatch makes its job from that; an event stored before it
 * did (republished after an upgrade) still makes the job, at the order's place read back.
 */
class ScheduledEventPlaceTests extends EndToEndTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate tx;

	@Test
	void aBookingsJobIsAtThePlaceItsEventCarriesAndAnOlderEventWithoutOneStillMakesTheJob() {
		var customer = fixtures.customer();
		UUID orderId = UUID.fromString(fixtures.order(customer, fixtures.merchant("Placed")));
		List<Double> booked = await().atMost(Duration.ofSeconds(10)).until(() -> place("dispatch_jobs", orderId),
				p -> !p.isEmpty());
		assertThat(booked).isEqualTo(place("orders", orderId));

		jdbc.sql("DELETE FROM dispatch_jobs WHERE order_id = :order").param("order", orderId).update();
		OrderScheduled stored = OlderEvents.scheduledWithoutPlace(jdbc, orderId, customer.id(), 2);
		assertThat(stored.lat()).as("an event as stored before it carried the place").isNull();
		tx.executeWithoutResult(status -> events.publishEvent(stored));

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(place("dispatch_jobs", orderId))
			.isEqualTo(place("orders", orderId)));
	}

	private List<Double> place(String table, UUID orderId) {
		String id = table.equals("orders") ? "id" : "order_id";
		return jdbc.sql("SELECT pickup_lat, pickup_lng FROM " + table + " WHERE " + id + " = :order")
			.param("order", orderId)
			.query((rs, n) -> List.of(rs.getDouble(1), rs.getDouble(2))).optional().orElse(List.of());
	}
}
