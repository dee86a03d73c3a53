package com.returnit.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.returnit.support.WebhookReceiver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The delivery client checks the addresses a name resolves to at every request and connects only to those: a
 * receiver on loopback is never reached unless its host is explicitly allowed, whatever was checked when saved.
 */
class GuardedHttpTests {

	private final WebhookReceiver receiver = new WebhookReceiver();

	@AfterEach
	void stop() {
		receiver.close();
	}

	@Test
	void aDeliveryToALoopbackAddressIsRefusedBeforeAnyByteIsSent() throws Exception {
		try (GuardedHttp http = new GuardedHttp(properties(List.of()))) {
			assertThatThrownBy(() -> http.post(receiver.url("/x"), Map.of(), "{}"))
				.isInstanceOf(GuardedHttp.RefusedAddress.class).hasMessageContaining("loopback");
			assertThatThrownBy(() -> http.post(receiver.url("/x").replace("127.0.0.1", "localhost"), Map.of(), "{}"))
				.as("a name that resolves to loopback").isInstanceOf(GuardedHttp.RefusedAddress.class);
		}
		assertThat(receiver.received()).isEmpty();
	}

	@Test
	void anAllowedHostIsReachedOverPlainHttpAndRedirectsAreNotFollowed() throws Exception {
		receiver.answering(new WebhookReceiver.Answer(302, null));
		try (GuardedHttp http = new GuardedHttp(properties(List.of("127.0.0.1")))) {
			GuardedHttp.Response response = http.post(receiver.url("/x"), Map.of("webhook-id", "evt_1"), "{}");

			assertThat(response.status()).isEqualTo(302);
		}
		assertThat(receiver.received()).hasSize(1);
		assertThat(receiver.received().getFirst().id()).isEqualTo("evt_1");
	}

	static WebhookProperties properties(List<String> allowedHosts) {
		return new WebhookProperties(true, allowedHosts, Duration.ofSeconds(2), Duration.ofSeconds(1),
				Duration.ofMillis(50), 10, 8, 2, Duration.ofSeconds(5), Duration.ofDays(5), Duration.ofHours(24),
				new WebhookProperties.Breaker(50, 10, 20, Duration.ofSeconds(1)));
	}
}
