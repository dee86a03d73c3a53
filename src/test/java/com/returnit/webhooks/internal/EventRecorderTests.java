package com.returnit.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.EndToEndTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A module event becomes one webhook event, however often it is heard, and an order's events are numbered 1, 2, 3
 * with no gap: a repeat takes no number. The payload carries the number it was stored with.
 */
class EventRecorderTests extends EndToEndTest {

	@Autowired
	EventRecorder recorder;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Test
	void anOrdersEventHeardTwiceIsRecordedOnceAndTheNextOneTakesTheNextNumber() {
		UUID merchant = UUID.randomUUID();
		UUID order = UUID.randomUUID();
		Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		var scheduled = new EventCatalogue.Entry("order.scheduled", merchant, order, at, Map.of("orderId", order),
				"test.scheduled:" + order);
		var cancelled = new EventCatalogue.Entry("order.cancelled", merchant, order, at.plusSeconds(1),
				Map.of("orderId", order), "test.cancelled:" + order);

		recorder.record(scheduled);
		recorder.record(scheduled);
		recorder.record(cancelled);
		recorder.record(scheduled);

		List<StoredEvent> stored = jdbc.sql("""
				SELECT type, sequence, payload FROM webhook_events WHERE order_id = :order ORDER BY sequence""")
			.param("order", order)
			.query((rs, n) -> new StoredEvent(rs.getString(1), rs.getLong(2), json.readTree(rs.getString(3))))
			.list();
		assertThat(stored).extracting(StoredEvent::type).containsExactly("order.scheduled", "order.cancelled");
		assertThat(stored).extracting(StoredEvent::sequence).containsExactly(1L, 2L);
		for (StoredEvent event : stored) {
			assertThat(event.payload().get("sequence").asLong()).isEqualTo(event.sequence());
			assertThat(event.payload().get("type").asString()).isEqualTo(event.type());
			assertThat(event.payload().get("data").get("orderId").asString()).isEqualTo(order.toString());
			assertThat(event.payload().propertyNames()).containsExactly("id", "type", "createdAt", "data", "sequence");
		}
	}

	@Test
	void anEventWithoutAnOrderHeardTwiceIsRecordedOnceWithoutANumber() {
		UUID merchant = UUID.randomUUID();
		var entry = new EventCatalogue.Entry("merchant.test", merchant, null, Instant.now(), Map.of("note", "hello"),
				"test.merchant:" + merchant);

		recorder.record(entry);
		recorder.record(entry);

		List<Map<String, Object>> stored = jdbc.sql("SELECT sequence, payload FROM webhook_events WHERE merchant_id = :m")
			.param("m", merchant).query().listOfRows();
		assertThat(stored).hasSize(1);
		assertThat(stored.getFirst().get("sequence")).isNull();
		assertThat(json.readTree((String) stored.getFirst().get("payload")).get("data").get("note").asString())
			.isEqualTo("hello");
	}

	private record StoredEvent(String type, long sequence, JsonNode payload) {
	}
}
