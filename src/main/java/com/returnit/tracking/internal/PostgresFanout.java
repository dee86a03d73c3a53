package com.returnit.tracking.internal;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** NOTIFY in the caller's transaction: PostgreSQL delivers the messages to every listening node at commit. */
class PostgresFanout implements Fanout {

	private final JdbcClient jdbc;

	PostgresFanout(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void publish(String channel, List<String> messages) {
		if (messages.isEmpty()) {
			return;
		}
		jdbc.sql("SELECT count(pg_notify(:channel, message)) FROM unnest(CAST(:messages AS text[])) AS message")
			.param("channel", channel).param("messages", messages.toArray(String[]::new))
			.query(Long.class).single();
	}
}
