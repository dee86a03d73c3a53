package com.returnit.operations.internal;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Requests per minute and node in {@code ops_request_minutes}; reads add the nodes up. */
@Repository
class MinuteRepository {

	/** One minute of requests (of one node when saved, of all nodes when read). */
	record Minute(Instant minute, long requests, long errors, LatencyBuckets latency) {

		double errorRatio() {
			return requests == 0 ? 0 : (double) errors / requests;
		}
	}

	private final JdbcClient jdbc;
	private final Node node;

	MinuteRepository(JdbcClient jdbc, Node node) {
		this.jdbc = jdbc;
		this.node = node;
	}

	void save(Minute minute) {
		jdbc.sql("""
				INSERT INTO ops_request_minutes (minute, node, requests, errors, latency_buckets)
				VALUES (:minute, :node, :requests, :errors, CAST(:buckets AS bigint[]))
				ON CONFLICT (minute, node) DO UPDATE
				SET requests = excluded.requests, errors = excluded.errors, latency_buckets = excluded.latency_buckets""")
			.param("minute", Timestamp.from(minute.minute())).param("node", node.name())
			.param("requests", minute.requests()).param("errors", minute.errors())
			.param("buckets", boxed(minute.latency().counts()))
			.update();
	}

	/** Every node's minutes from {@code from} on, added up, oldest first. */
	List<Minute> since(Instant from) {
		Map<Instant, List<Minute>> byMinute = new LinkedHashMap<>();
		jdbc.sql("SELECT minute, requests, errors, latency_buckets FROM ops_request_minutes WHERE minute >= :from ORDER BY minute")
			.param("from", Timestamp.from(from))
			.query((rs, row) -> new Minute(rs.getTimestamp("minute").toInstant(), rs.getLong("requests"),
					rs.getLong("errors"), buckets(rs.getArray("latency_buckets"))))
			.list()
			.forEach(m -> byMinute.computeIfAbsent(m.minute(), k -> new ArrayList<>()).add(m));
		return byMinute.entrySet().stream().map(e -> new Minute(e.getKey(),
				e.getValue().stream().mapToLong(Minute::requests).sum(), e.getValue().stream().mapToLong(Minute::errors).sum(),
				LatencyBuckets.sum(e.getValue().stream().map(Minute::latency).toList()))).toList();
	}

	void deleteBefore(Instant cutoff) {
		jdbc.sql("DELETE FROM ops_request_minutes WHERE minute < :cutoff").param("cutoff", Timestamp.from(cutoff)).update();
	}

	private static String boxed(long[] counts) {
		return java.util.Arrays.stream(counts).mapToObj(Long::toString)
			.collect(java.util.stream.Collectors.joining(",", "{", "}"));
	}

	private static LatencyBuckets buckets(Array array) throws SQLException {
		Object[] values = (Object[]) array.getArray();
		long[] counts = new long[values.length];
		for (int i = 0; i < values.length; i++) {
			counts[i] = ((Number) values[i]).longValue();
		}
		return new LatencyBuckets(counts);
	}
}
