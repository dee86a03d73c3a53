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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;
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

		@Bean
		Object operatorsPager() {
			return new Object() {
				@EventListener
				void on(WebhookEndpointDisabled disabled) {
					DISABLED.add(disabled);
				}
			};
		}
	}

	static final List<WebhookEndpointDisabled> DISABLED = new CopyOnWriteArrayList<>();

	/** Real time while the test sets up (the operator's one-time code is made for it); it stands still once moved. */
	@BeforeEach
	void clockShowsRealTime() {
		CLOCK.followRealTime();
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
		Instant next;
		while ((next = nextDue(merchant, endpoint)) != null && next.isBefore(start.plus(Duration.ofHours(4)))) {
			if (down && !next.isBefore(backAt)) {
				CLOCK.advanceTo(backAt);
				down = false;
			}
			moveToNextAttempt(merchant, endpoint, next);
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

	@Test
	void anEndpointFailingForFiveDaysIsDisabledAndOperatorsAreTold() {
		receiver.answering(Answer.status(500));
		var merchant = fixtures.merchant("Dead Shop");
		var endpoint = fixtures.webhookEndpoint(merchant, receiver.url("/dead"), "*");
		String orderId = fixtures.order(fixtures.customer(), merchant);
		await().atMost(Duration.ofSeconds(10)).until(() -> attemptsMade(merchant, endpoint) == 1);
		Instant start = CLOCK.instant();

		Instant next;
		while ((next = nextDue(merchant, endpoint)) != null) {
			moveToNextAttempt(merchant, endpoint, next);
		}
		JsonNode gaveUp = deliveries(merchant, endpoint).getFirst();
		assertThat(gaveUp.get("status").asString()).isEqualTo("failed");
		assertThat(gaveUp.get("attemptLog")).hasSize(10);
		assertThat(gaveUp.get("lastError").asString()).contains("gave up after 10 attempts");
		assertThat(api.get("/v1/webhook-endpoints/" + endpoint.id(), merchant.apiKey()).text("status"))
			.as("failing for about three days only").isEqualTo("enabled");

		assertThat(api.post("/v1/orders/" + orderId + "/cancel", merchant.apiKey(), Map.of("reason", "closing down"))
			.status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(merchant, endpoint).size() == 2);
		while ((next = nextDue(merchant, endpoint)) != null) {
			moveToNextAttempt(merchant, endpoint, next);
		}

		var disabled = api.get("/v1/webhook-endpoints/" + endpoint.id(), merchant.apiKey());
		assertThat(disabled.text("status")).isEqualTo("disabled");
		assertThat(disabled.text("disabledReason")).startsWith("failing since");
		assertThat(CLOCK.instant()).isAfterOrEqualTo(start.plus(Duration.ofDays(5)));
		assertThat(deliveries(merchant, endpoint)).allSatisfy(d -> assertThat(d.get("status").asString()).isEqualTo("failed"));
		assertThat(DISABLED).anySatisfy(e -> assertThat(e.endpointId().toString()).isEqualTo(endpoint.id()));
	}

	/** Moves the clock to the next due attempt and waits until every attempt due then was made. */
	private void moveToNextAttempt(Fixtures.MerchantRef merchant, Fixtures.EndpointRef endpoint, Instant next) {
		int before = attemptsMade(merchant, endpoint);
		CLOCK.advanceTo(next);
		await().atMost(Duration.ofSeconds(10)).until(() -> attemptsMade(merchant, endpoint) > before);
		await().atMost(Duration.ofSeconds(10)).until(() -> noneDueNow(merchant, endpoint));
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
