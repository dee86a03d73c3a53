package com.returnit.tracking.internal.live;

import com.returnit.tracking.internal.Fanout;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The log of stream events in PostgreSQL. Appending also publishes the event on the fan-out in the same transaction,
 * so a node hears of an event when it is committed, and a client that reconnects resumes from the log.
 */
@Repository
class StreamLog {

	private static final TypeReference<Map<String, Object>> DATA = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Clock clock;
	private final Fanout fanout;

	StreamLog(JdbcClient jdbc, JsonMapper json, Clock clock, Fanout fanout) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.fanout = fanout;
	}

	@Transactional
	void append(UUID orderId, String type, Map<String, Object> data) {
		long id = jdbc.sql("""
				INSERT INTO stream_events (order_id, type, data, created_at)
				VALUES (:order, :type, CAST(:data AS jsonb), :now) RETURNING id""")
			.param("order", orderId).param("type", type).param("data", json.writeValueAsString(data))
			.param("now", Timestamp.from(clock.instant()))
			.query(Long.class).single();
		fanout.publish(Fanout.STREAM,
				List.of(json.writeValueAsString(new StreamEvent(Long.toString(id), type, orderId, data))));
	}

	List<StreamEvent> after(UUID orderId, long lastEventId) {
		return jdbc.sql("SELECT id, type, data FROM stream_events WHERE order_id = :order AND id > :last ORDER BY id")
			.param("order", orderId).param("last", lastEventId)
			.query((rs, n) -> new StreamEvent(Long.toString(rs.getLong(1)), rs.getString(2), orderId,
					new LinkedHashMap<>(json.readValue(rs.getString(3), DATA))))
			.list();
	}

	StreamEvent parse(String payload) {
		return json.readValue(payload, StreamEvent.class);
	}

	/** Resuming is for reconnects, not for history: a week is plenty. */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	void expire() {
		jdbc.sql("DELETE FROM stream_events WHERE created_at < :cutoff")
			.param("cutoff", Timestamp.from(clock.instant().minus(Duration.ofDays(7)))).update();
	}
}
