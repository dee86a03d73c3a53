package com.returnit.platform.internal.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.orders.OrderScheduled;
import com.returnit.support.EndToEndTest;
import com.returnit.support.OlderEvents;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * An upgrade loses nothing: publications a node of the previous version stored for the listeners that now run in the
 * publisher's transaction (ADR 53) are run through those listeners and completed.
 */
class FoldedListenerPublicationsTests extends EndToEndTest {

	/** The listener ids the previous version stored publications of {@code OrderScheduled} under (all four of them). */
	private static final List<String> FOLDED = List.of(
			"com.returnit.notifications.internal.NotificationListeners.on(com.returnit.orders.OrderScheduled)",
			"com.returnit.dispatch.internal.DispatchEvents.on(com.returnit.orders.OrderScheduled)",
			"com.returnit.webhooks.internal.ModuleEventListeners.on(com.returnit.orders.OrderEvent)",
			"com.returnit.tracking.internal.live.OrderStatusFeed.on(com.returnit.orders.OrderEvent)");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FoldedListenerPublications folded;

	@Autowired
	JsonMapper json;

	@Test
	void publicationsThePreviousVersionLeftForListenersNowInThePublishersTransactionAreRunAndCompleted() {
		var customer = fixtures.customer();
		UUID order = UUID.fromString(fixtures.order(customer, fixtures.merchant("Upgraded")));
		// the event as the previous version serialized it (the registry writes the event's JSON): without the place
		OrderScheduled event = OlderEvents.scheduledWithoutPlace(jdbc, order, customer.id(), 3);
		String oldEvent = jdbc.sql("SELECT CAST(CAST(:event AS jsonb) - 'lat' - 'lng' AS text)")
			.param("event", json.writeValueAsString(event)).query(String.class).single();
		assertThat(oldEvent).doesNotContain("\"lat\"").contains(order.toString());
		// what those listeners wrote is not there yet (their publications were left incomplete by the old node)
		jdbc.sql("DELETE FROM notification_messages WHERE order_id = :order").param("order", order).update();
		jdbc.sql("DELETE FROM webhook_deliveries WHERE event_id IN (SELECT id FROM webhook_events WHERE order_id = :order)")
			.param("order", order).update();
		jdbc.sql("DELETE FROM webhook_events WHERE order_id = :order").param("order", order).update();
		jdbc.sql("DELETE FROM stream_events WHERE order_id = :order").param("order", order).update();
		jdbc.sql("DELETE FROM dispatch_jobs WHERE order_id = :order").param("order", order).update();
		FOLDED.forEach(listener -> jdbc.sql("""
				INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
				  completion_attempts, last_resubmission_date)
				VALUES (gen_random_uuid(), :listener, 'com.returnit.orders.OrderScheduled', :event,
				  now() - interval '10 minutes', 'FAILED', 1, now() - interval '5 minutes')""")
			.param("listener", listener).param("event", oldEvent).update());

		assertThat(folded.runAll()).isGreaterThanOrEqualTo(FOLDED.size());

		assertThat(ofOrder("SELECT template FROM notification_messages WHERE order_id = :order", order))
			.contains("booking_confirmed");
		assertThat(ofOrder("SELECT type FROM webhook_events WHERE order_id = :order", order)).containsExactly("order.scheduled");
		assertThat(ofOrder("SELECT data ->> 'status' FROM stream_events WHERE order_id = :order", order))
			.containsExactly("scheduled");
		assertThat(ofOrder("SELECT status FROM dispatch_jobs WHERE order_id = :order", order)).containsExactly("pending");
		assertThat(jdbc.sql("""
				SELECT count(*) FROM event_publication
				WHERE listener_id IN (:listeners) AND serialized_event = :event AND completion_date IS NULL""")
			.param("listeners", FOLDED).param("event", oldEvent).query(Integer.class).single()).isZero();
		assertThat(folded.runAll()).as("each runs once").isZero();
	}

	@Test
	void onlyPlainListenersOfThisServiceAreRunThisWay() {
		assertThat(FoldedListenerPublications.synchronousListener(FOLDED.getFirst())).isPresent();
		assertThat(FoldedListenerPublications.synchronousListener(
				"com.returnit.payments.internal.PaymentListeners.on(com.returnit.orders.OrderCancelled)"))
			.as("a module listener, which the registry runs itself").isEmpty();
		assertThat(FoldedListenerPublications.synchronousListener("com.returnit.gone.Listener.on(com.returnit.orders.OrderScheduled)"))
			.isEmpty();
		assertThat(FoldedListenerPublications.synchronousListener("org.example.Listener.on(java.lang.Object)")).isEmpty();
	}

	private List<String> ofOrder(String sql, UUID order) {
		return jdbc.sql(sql).param("order", order).query(String.class).list();
	}
}
