package com.returnit.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnit.platform.RetrySchedule;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import com.returnit.support.MutableClock;
import com.returnit.support.WebhookReceiver;
import com.returnit.support.WebhookReceiver.Answer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The merchant's receiver is down for an hour of an injected clock, which the test moves from one due retry to the
 * next: every event arrives after it is back, each attempt on the retry schedule, none lost, none twice.
 */
@Import(ReceiverDownForAnHourTests.ManualClock.class)
@TestPropertySource(properties = { "returnit.test.database=webhook-clock", "returnit.webhooks.breaker.open-for=100ms",
		"returnit.dispatch.enabled=false" })
class ReceiverDownForAnHourTests extends EndToEndTest {

	static final MutableClock CLOCK = new MutableClock(Instant.now());

	@TestConfiguration
	static class ManualClock {

		@Bean
		@Primary
		Clock manualClock() {
			return CLOCK;
		}
	}

	private final WebhookReceiver receiver = new WebhookReceiver();
	private volatile boolean down = true;

	@AfterEach
	void stopReceiver() {
		receiver.close();
	}

	@Test
	void everyEventArrivesAfterTheReceiverIsBackOnScheduleNoneLostNoneTwice() {
		receiver.answering(r -> down ? Answer.status(503) : Answer.status(200));
		var merchant = fixtures.merchant("Patient Shop");
		var endpoint = fixtures.webhookEndpoint(merchant, receiver.url("/down"), "*");
		var customer = fixtures.customer();
		String cancelled = fixtures.order(customer, merchant);
		fixtures.order(customer, merchant);
		fixtures.order(customer, merchant);
		api.post("/v1/orders/" + cancelled + "/cancel", customer.token(), Map.of("reason", "duplicate"));
		await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(merchant, endpoint).size() == 4
				&& attemptsMade(merchant, endpoint) == 4);
		Instant start = CLOCK.instant();

		Instant backAt = start.plus(Duration.ofHours(1));
		while (CLOCK.instant().isBefore(start.plus(Duration.ofHours(4)))) {
			Instant next = nextDue(merchant, endpoint);
			if (next == null) {
				break;
			}
			if (down && !next.isBefore(backAt)) {
				CLOCK.advanceTo(backAt);
				down = false;
			}
			int before = attemptsMade(merchant, endpoint);
			CLOCK.advanceTo(next);
			await().atMost(Duration.ofSeconds(10)).until(() -> attemptsMade(merchant, endpoint) > before);
			await().atMost(Duration.ofSeconds(10)).until(() -> noneDueNow(merchant, endpoint));
		}

		List<JsonNode> log = deliveries(merchant, endpoint);
		assertThat(log).hasSize(4).allSatisfy(d -> assertThat(d.get("status").asString()).isEqualTo("succeeded"));
		for (JsonNode delivery : log) {
			assertOnSchedule(delivery.get("attemptLog"));
		}
		Set<String> eventIds = log.stream().map(d -> d.get("eventId").asString()).collect(Collectors.toSet());
		assertThat(receiver.received().stream().map(WebhookReceiver.Received::id).collect(Collectors.toSet()))
			.isEqualTo(eventIds);
		List<WebhookReceiver.Received> successes = successfulDeliveries();
		assertThat(successes).extracting(WebhookReceiver.Received::id).doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(eventIds);
		assertThat(successes).allSatisfy(r -> assertThat(Instant.ofEpochSecond(Long.parseLong(r.timestamp())))
			.isAfterOrEqualTo(backAt.minusSeconds(1)));
	}

	/** Each attempt came the scheduled delay (with up to 10 % jitter) after the previous one. */
	private static void assertOnSchedule(JsonNode attempts) {
		List<Instant> at = new ArrayList<>();
		attempts.forEach(a -> at.add(Instant.parse(a.get("at").asString())));
		assertThat(at).hasSizeGreaterThanOrEqualTo(5);
		for (int i = 1; i < at.size(); i++) {
			long gap = Duration.between(at.get(i - 1), at.get(i)).toMillis();
			long scheduled = RetrySchedule.STANDARD.delays().get(i).toMillis();
			assertThat(gap).as("gap before attempt %d", i + 1).isBetween((long) (scheduled * 0.9) - 1000,
					(long) (scheduled * 1.1) + 1000);
		}
	}

	private List<WebhookReceiver.Received> successfulDeliveries() {
		List<WebhookReceiver.Received> all = receiver.received();
		Function<WebhookReceiver.Received, Boolean> last = r -> all.stream().filter(o -> o.id().equals(r.id()))
			.reduce((a, b) -> b).orElseThrow() == r;
		return all.stream().filter(last::apply).toList();
	}

	private List<JsonNode> deliveries(Fixtures.MerchantRef merchant, Fixtures.EndpointRef endpoint) {
		JsonNode data = api.get("/v1/webhook-endpoints/" + endpoint.id() + "/deliveries", merchant.apiKey()).body()
			.get("data");
		return StreamSupport.stream(data.spliterator(), false).toList();
	}

	private int attemptsMade(Fixtures.MerchantRef merchant, Fixtures.EndpointRef endpoint) {
		return deliveries(merchant, endpoint).stream().mapToInt(d -> d.get("attemptLog").size()).sum();
	}

	private Instant nextDue(Fixtures.MerchantRef merchant, Fixtures.EndpointRef endpoint) {
		return deliveries(merchant, endpoint).stream().filter(d -> d.get("status").asString().equals("pending"))
			.map(d -> Instant.parse(d.get("nextAttemptAt").asString())).min(Instant::compareTo).orElse(null);
	}

	private boolean noneDueNow(Fixtures.MerchantRef merchant, Fixtures.EndpointRef endpoint) {
		Instant next = nextDue(merchant, endpoint);
		return next == null || next.isAfter(CLOCK.instant());
	}
}
