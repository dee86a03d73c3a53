package com.returnit.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnit.support.EndToEndTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Module event listeners run on a bounded pool, so a burst of events can never take every pooled connection, and a
 * listener that failed runs again while the service runs, not only after a restart (ADR 0025).
 */
class EventListenerTests extends EndToEndTest {

	@Autowired
	ProbeListener listener;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Value("${returnit.events.listener-concurrency}")
	int concurrency;

	@Test
	void aListenerThatFailedRunsAgainWithoutARestartUntilItSucceeds() {
		String id = UUID.randomUUID().toString();

		publish(new ProbeListener.Probe(id, 2, 0));

		await().atMost(Duration.ofSeconds(20)).until(() -> listener.handled(id));
		assertThat(listener.runs(id)).as("two failed runs, then the one that succeeded").isEqualTo(3);
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(jdbc
			.sql("SELECT status FROM event_publication WHERE serialized_event LIKE :id")
			.param("id", "%" + id + "%").query(String.class).single()).isEqualTo("COMPLETED"));
	}

	@Test
	void aBurstOfEventsRunsAtMostTheConfiguredNumberOfListenersAtOnceAndLosesNone() throws Exception {
		listener.resetMostAtOnce();
		List<String> ids = new ArrayList<>();
		try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> published = new ArrayList<>();
			for (int i = 0; i < 60; i++) {
				String id = UUID.randomUUID().toString();
				ids.add(id);
				published.add(threads.submit(() -> publish(new ProbeListener.Probe(id, 0, 50))));
			}
			for (Future<?> future : published) {
				future.get();
			}
		}

		await().atMost(Duration.ofSeconds(20)).until(() -> ids.stream().allMatch(listener::handled));
		assertThat(listener.mostAtOnce()).isBetween(2, concurrency);
	}

	@Test
	void completedPublicationsAreDeletedOnceTheyAreOlderThanTheRetentionAndNoSooner() {
		UUID old = completedPublication("2 minutes");
		UUID recent = completedPublication("10 seconds");
		UUID failed = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
				  completion_attempts)
				VALUES (:id, 'test.Kept', 'test.Kept', '{}', now() - interval '1 hour', 'FAILED', 99)""")
			.param("id", failed).update();

		await().atMost(Duration.ofSeconds(10)).until(() -> !exists(old));
		assertThat(exists(recent)).as("completed 10 s ago, kept for a minute").isTrue();
		assertThat(exists(failed)).as("never completed").isTrue();
		jdbc.sql("DELETE FROM event_publication WHERE id IN (:ids)").param("ids", List.of(recent, failed)).update();
	}

	private UUID completedPublication(String ago) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date,
				  completion_date, status, completion_attempts)
				VALUES (:id, 'test.Done', 'test.Done', '{}', now() - interval '%s', now() - interval '%s', 'COMPLETED', 1)
				""".formatted(ago, ago))
			.param("id", id).update();
		return id;
	}

	private boolean exists(UUID id) {
		return jdbc.sql("SELECT count(*) FROM event_publication WHERE id = :id").param("id", id).query(Long.class)
			.single() > 0;
	}

	private void publish(ProbeListener.Probe probe) {
		transactions.executeWithoutResult(status -> events.publishEvent(probe));
	}
}
