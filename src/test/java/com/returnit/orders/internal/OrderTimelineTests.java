package com.returnit.orders.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnit.orders.OrderStatusChanged;
import com.returnit.support.EndToEndTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Events of one order recorded at the same moment by concurrent transactions all reach its timeline, in turn. */
class OrderTimelineTests extends EndToEndTest {

	@Autowired
	OrderTimeline timeline;

	@Test
	void twentyEventsRecordedAtOnceGetTwentyConsecutiveEntries() throws Exception {
		var customer = fixtures.customer();
		UUID orderId = UUID.fromString(fixtures.order(customer, fixtures.merchant("Timeline")));
		Instant at = Instant.parse("2026-05-04T08:00:00Z");
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> recorded = new ArrayList<>();

		try (var pool = Executors.newFixedThreadPool(20)) {
			for (int i = 0; i < 20; i++) {
				var event = new OrderStatusChanged(orderId, UUID.randomUUID(), UUID.randomUUID(), "en_route",
						at.plusMillis(i));
				recorded.add(pool.submit(() -> {
					start.await();
					timeline.on(event);
					return null;
				}));
			}
			start.countDown();
			for (Future<?> f : recorded) {
				f.get();
			}
		}

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(timeline.of(orderId))
			.filteredOn(entry -> entry.type().equals("order.en_route")).hasSize(20));
		assertThat(timeline.of(orderId)).extracting(OrderBodies.TimelineEntry::sequence).doesNotHaveDuplicates();
	}
}
