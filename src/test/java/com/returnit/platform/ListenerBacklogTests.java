package com.returnit.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * While a node's module event listeners lag behind, it refuses API writes with a 503 the client may retry instead of
 * accepting work it cannot follow up, and a listener run that finds the queue full never runs on the publishing
 * thread, which still holds its transaction's connection (ADR 0030). One listener, a queue of six, refusals at four.
 */
@TestPropertySource(properties = { "returnit.test.database=listener-backlog", "returnit.events.listener-concurrency=1",
		"returnit.events.listener-queue=6", "returnit.events.shed-at=4" })
class ListenerBacklogTests extends EndToEndTest {

	@Autowired
	ProbeListener listener;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	MeterRegistry meters;

	@Test
	void aBookingWhileListenersLagIsRefusedWith503AndRetryAfterAndAcceptedWithTheSameKeyOnceTheyCaughtUp() {
		Fixtures.MerchantRef merchant = fixtures.merchant("Backlog Outfitters");
		Fixtures.Person customer = fixtures.customer();
		String key = UUID.randomUUID().toString();
		awaitNoListenerQueued();

		List<String> probes = publishProbes(6, Duration.ofMillis(1000));
		Api.Response refused = book(customer, merchant, key);

		assertThat(refused.status()).isEqualTo(503);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.header("Retry-After")).isEqualTo("1");
		assertThat(api.get("/v1/orders", customer.token()).status()).as("reads still answer").isEqualTo(200);
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(book(customer, merchant, key).status()).isEqualTo(201));
		assertThat(api.get("/v1/orders", customer.token()).body().get("data")).as("booked once, however often sent")
			.hasSize(1);
		await().atMost(Duration.ofSeconds(20)).until(() -> probes.stream().allMatch(listener::handled));
	}

	@Test
	void aListenerRunThatFindsTheQueueFullStartsOnAThreadOfItsOwnNeverOnThePublishingOne() {
		awaitNoListenerQueued();
		double overflowedBefore = meters.get("returnit.events.listeners.overflowed").counter().count();

		List<String> probes = publishProbes(8, Duration.ofMillis(700));

		await().atMost(Duration.ofSeconds(20)).until(() -> probes.stream().allMatch(listener::handled));
		assertThat(probes).extracting(listener::thread).allMatch(name -> name.startsWith("listener-"))
			.doesNotContain(Thread.currentThread().getName()).contains("listener-overflow");
		assertThat(meters.get("returnit.events.listeners.overflowed").counter().count()).isGreaterThan(overflowedBefore);
	}

	private Api.Response book(Fixtures.Person customer, Fixtures.MerchantRef merchant, String key) {
		return api.post("/v1/orders", customer.token(), Fixtures.request(merchant.id()), "Idempotency-Key", key);
	}

	/** One probe runs, the rest wait in the queue (or overflow it), each taking {@code each} to run. */
	private List<String> publishProbes(int count, Duration each) {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String id = UUID.randomUUID().toString();
			ids.add(id);
			transactions.executeWithoutResult(status -> events.publishEvent(new ProbeListener.Probe(id, 0,
					each.toMillis())));
		}
		return ids;
	}

	private void awaitNoListenerQueued() {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> meters.get("returnit.events.listeners.queued").gauge().value() == 0);
	}
}
