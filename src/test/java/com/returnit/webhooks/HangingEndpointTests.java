package com.returnit.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnit.support.EndToEndTest;
import com.returnit.support.WebhookReceiver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An endpoint that never answers holds at most its own few workers: with more deliveries waiting for it than the
 * whole worker pool has threads, every healthy endpoint still gets every event. (How much it slows them, measured:
 * bench/webhooks, docs/benchmarks.md.)
 */
class HangingEndpointTests extends EndToEndTest {

	private static final int ORDERS = 70;
	private static final int HEALTHY = 5;

	private final WebhookReceiver healthy = new WebhookReceiver();
	/** Holds each request a little less than the 2 s delivery timeout of the tests, so its count is what we hold. */
	private final WebhookReceiver hanging = new WebhookReceiver()
		.answering(WebhookReceiver.hangFor(Duration.ofMillis(1800)));

	@AfterEach
	void stopReceivers() {
		healthy.close();
		hanging.close();
	}

	@Test
	void aHangingEndpointDoesNotHoldUpDeliveriesToHealthyOnes() {
		var merchant = fixtures.merchant("Half Broken Shop");
		fixtures.webhookEndpoint(merchant, hanging.url("/never"), "order.scheduled");
		for (int i = 0; i < HEALTHY; i++) {
			fixtures.webhookEndpoint(merchant, healthy.url("/ok/" + i), "order.scheduled");
		}
		var customer = fixtures.customer();
		List<String> orders = new ArrayList<>();
		for (int i = 0; i < ORDERS; i++) {
			orders.add(fixtures.order(customer, merchant));
		}

		await().atMost(Duration.ofSeconds(30)).until(() -> healthy.received().size() >= ORDERS * HEALTHY);

		for (int i = 0; i < HEALTHY; i++) {
			Set<String> delivered = healthy.received("/ok/" + i).stream()
				.map(r -> r.json().get("data").get("orderId").asString()).collect(Collectors.toSet());
			assertThat(delivered).as("endpoint %d got every booking", i).containsExactlyInAnyOrderElementsOf(orders);
		}
		assertThat(hanging.received()).isNotEmpty();
		assertThat(hanging.mostHangingAtOnce()).as("requests held by the hanging endpoint at once").isLessThanOrEqualTo(4);
	}
}
