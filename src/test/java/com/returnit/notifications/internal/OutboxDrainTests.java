package com.returnit.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.EndToEndTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A backlog of customers' messages (after a burst of bookings, or a mail server back from an outage) is taken up in
 * one round of the worker as fast as its sending slots free up, not one slot's worth per round: one claim per round
 * had capped a node at 16 messages a second, below the rate it books at.
 */
class OutboxDrainTests extends EndToEndTest {

	@Autowired
	NotificationWorker worker;

	@Autowired
	NotificationProperties properties;

	@Autowired
	JdbcClient jdbc;

	@Test
	void oneRoundOfTheWorkerTakesUpABacklogOfFiveTimesItsSendingSlots() {
		String domain = "drain-" + UUID.randomUUID() + ".test";
		int backlog = properties.maxConcurrency() * 5;
		Instant due = Instant.now().minusSeconds(1);
		for (int i = 0; i < backlog; i++) {
			jdbc.sql("""
					INSERT INTO notification_messages (id, channel, template, recipient, subject, body, source_key, status,
					  attempts, next_attempt_at, created_at)
					VALUES (:id, 'email', 'test', :recipient, 'Backlog', 'A message of the backlog', :key, 'pending', 0, :due, :due)""")
				.param("id", UUID.randomUUID()).param("recipient", "customer-" + i + "@" + domain)
				.param("key", "drain:" + domain + ":" + i).param("due", Timestamp.from(due))
				.update();
		}

		worker.poll();

		long untouched = jdbc.sql("""
				SELECT count(*) FROM notification_messages
				WHERE recipient LIKE :domain AND status = 'pending' AND (lease_until IS NULL OR lease_until <= now())""")
			.param("domain", "%@" + domain).query(Long.class).single();
		assertThat(untouched).as("messages of the backlog no round has taken up").isZero();
	}
}
