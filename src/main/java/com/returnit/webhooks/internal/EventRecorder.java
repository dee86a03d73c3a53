package com.returnit.webhooks.internal;

import com.returnit.platform.Ids;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records a webhook event with its per-order sequence number and one pending delivery for every enabled or paused
 * endpoint of the merchant that subscribed to its type, all in the caller's transaction.
 */
@Component
class EventRecorder {

	private final JdbcClient jdbc;
	private final EndpointRepository endpoints;
	private final JsonMapper json;
	private final Clock clock;

	EventRecorder(JdbcClient jdbc, EndpointRepository endpoints, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.endpoints = endpoints;
		this.json = json;
		this.clock = clock;
	}

	/** Answers the number of deliveries queued; none when this module event was recorded before. */
	@Transactional(propagation = Propagation.REQUIRED)
	int record(EventCatalogue.Entry entry) {
		String id = entry.orderId() == null ? insertOnce(entry) : insertOnceWithSequence(entry);
		if (id == null) {
			return 0;
		}
		Instant now = clock.instant();
		int queued = 0;
		for (Endpoint endpoint : endpoints.ofMerchant(entry.merchantId())) {
			if (endpoint.queues() && endpoint.wants(entry.type())) {
				queue(endpoint.id(), id, now);
				queued++;
			}
		}
		return queued;
	}

	/**
	 * Records an event for one endpoint only, whatever it subscribed to (a test event the merchant asked for), and
	 * answers the id of its delivery; a paused endpoint gets it when it resumes, like any other.
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	UUID recordFor(Endpoint endpoint, EventCatalogue.Entry entry) {
		return queue(endpoint.id(), insertEvent(entry), clock.instant());
	}

	private String insertEvent(EventCatalogue.Entry entry) {
		Long sequence = entry.orderId() == null ? null : nextSequence(entry.orderId());
		String id = newEventId();
		jdbc.sql("""
				INSERT INTO webhook_events (id, merchant_id, type, order_id, sequence, source_key, payload, created_at)
				VALUES (:id, :merchant, :type, :order, :sequence, :key, :payload, :now)""")
			.param("id", id).param("merchant", entry.merchantId()).param("type", entry.type())
			.param("order", entry.orderId()).param("sequence", sequence).param("key", entry.sourceKey())
			.param("payload", payload(id, entry, sequence)).param("now", Timestamp.from(clock.instant()))
			.update();
		return id;
	}

	/** An event without an order, unless its source was recorded before: its id, or null. */
	private @Nullable String insertOnce(EventCatalogue.Entry entry) {
		String id = newEventId();
		int inserted = jdbc.sql("""
				INSERT INTO webhook_events (id, merchant_id, type, order_id, sequence, source_key, payload, created_at)
				VALUES (:id, :merchant, :type, NULL, NULL, :key, :payload, :now)
				ON CONFLICT (source_key) DO NOTHING""")
			.param("id", id).param("merchant", entry.merchantId()).param("type", entry.type())
			.param("key", entry.sourceKey()).param("payload", payload(id, entry, null))
			.param("now", Timestamp.from(clock.instant()))
			.update();
		return inserted == 1 ? id : null;
	}

	/**
	 * An order's event with the order's next sequence number, unless its source was recorded before (then no number
	 * is taken, so an order's numbers have no gaps): its id, or null. One statement: the check, the number and the
	 * row. The database appends {@code "sequence"} to the payload's members, as {@link #payload} does.
	 */
	private @Nullable String insertOnceWithSequence(EventCatalogue.Entry entry) {
		String id = newEventId();
		return jdbc.sql("""
				WITH fresh AS (
				  SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM webhook_events WHERE source_key = :key)
				), numbered AS (
				  INSERT INTO order_event_sequences (order_id, last_sequence) SELECT :order, 1 FROM fresh
				  ON CONFLICT (order_id) DO UPDATE SET last_sequence = order_event_sequences.last_sequence + 1
				  RETURNING last_sequence
				)
				INSERT INTO webhook_events (id, merchant_id, type, order_id, sequence, source_key, payload, created_at)
				SELECT :id, :merchant, :type, :order, n.last_sequence, :key,
				  left(:payload, -1) || ',"sequence":' || n.last_sequence || '}', :now
				FROM numbered n
				RETURNING id""")
			.param("id", id).param("merchant", entry.merchantId()).param("type", entry.type())
			.param("order", entry.orderId()).param("key", entry.sourceKey())
			.param("payload", json.writeValueAsString(members(id, entry)))
			.param("now", Timestamp.from(clock.instant()))
			.query(String.class).optional().orElse(null);
	}

	private String newEventId() {
		return "evt_" + Ids.newId(clock).toString().replace("-", "");
	}

	/** The event as merchants receive it; {@code "sequence"} is its last member. */
	private String payload(String id, EventCatalogue.Entry entry, @Nullable Long sequence) {
		Map<String, @Nullable Object> payload = members(id, entry);
		payload.put("sequence", sequence);
		return json.writeValueAsString(payload);
	}

	private static Map<String, @Nullable Object> members(String id, EventCatalogue.Entry entry) {
		Map<String, @Nullable Object> payload = new LinkedHashMap<>();
		payload.put("id", id);
		payload.put("type", entry.type());
		payload.put("createdAt", entry.occurredAt().toString());
		payload.put("data", entry.data());
		return payload;
	}

	private long nextSequence(UUID orderId) {
		return jdbc.sql("""
				INSERT INTO order_event_sequences (order_id, last_sequence) VALUES (:order, 1)
				ON CONFLICT (order_id) DO UPDATE SET last_sequence = order_event_sequences.last_sequence + 1
				RETURNING last_sequence""")
			.param("order", orderId).query(Long.class).single();
	}

	private UUID queue(UUID endpointId, String eventId, Instant now) {
		UUID id = Ids.newId(clock);
		jdbc.sql("""
				INSERT INTO webhook_deliveries (id, endpoint_id, event_id, status, attempts, next_attempt_at, created_at)
				VALUES (:id, :endpoint, :event, 'pending', 0, :now, :now)""")
			.param("id", id).param("endpoint", endpointId).param("event", eventId)
			.param("now", Timestamp.from(now))
			.update();
		return id;
	}
}
