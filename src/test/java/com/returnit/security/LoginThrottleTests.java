package com.returnit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = { "returnit.test.database=logins",
		"returnit.test.login-throttle.account-free-failures=3", "returnit.test.login-throttle.ip-free-failures=60",
		"returnit.security.login-throttle.base-delay=2s" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoginThrottleTests extends EndToEndTest {

	@Test
	void pastThreeFailuresAnAccountIsLockedForADelayThatDoubles() {
		var customer = fixtures.customer();
		List<Integer> failures = statuses(customer.email(), "wrong-password-1", 4);
		Api.Response locked = login(customer.email(), "customer-password-1");

		assertThat(failures).containsOnly(401);
		assertThat(locked.status()).as("even the right password waits").isEqualTo(429);
		assertThat(locked.contentType()).startsWith("application/problem+json");
		assertThat(locked.header("Retry-After")).isEqualTo("2");

		await().atMost(Duration.ofSeconds(5)).until(() -> login(customer.email(), "wrong-password-1").status() == 401);
		assertThat(login(customer.email(), "customer-password-1").header("Retry-After")).isEqualTo("4");
	}

	@Test
	void anUnknownEmailGetsExactlyTheAnswersOfAKnownOne() {
		var customer = fixtures.customer();
		String unknown = "nobody-" + UUID.randomUUID() + "@test.returnit.local";

		List<Api.Response> known = responses(customer.email(), 5);
		List<Api.Response> missing = responses(unknown, 5);

		assertThat(missing).extracting(Api.Response::status).isEqualTo(known.stream().map(Api.Response::status).toList())
			.containsExactly(401, 401, 401, 401, 429);
		for (int i = 0; i < known.size(); i++) {
			assertThat(missing.get(i).body().get("detail")).isEqualTo(known.get(i).body().get("detail"));
			assertThat(missing.get(i).header("Retry-After")).isEqualTo(known.get(i).header("Retry-After"));
		}
	}

	@Test
	void anUnknownEmailTakesAsLongAsAWrongPassword() {
		List<Long> unknown = new ArrayList<>();
		List<Long> wrong = new ArrayList<>();
		List<String> emails = List.of(fixtures.customer().email(), fixtures.customer().email(), fixtures.customer().email());
		for (int round = 0; round < 3; round++) {
			for (String email : emails) {
				wrong.add(timed(email));
				unknown.add(timed("nobody-" + UUID.randomUUID() + "@test.returnit.local"));
			}
		}

		double ratio = (double) median(unknown) / median(wrong);
		assertThat(ratio).as("median unknown %s ns / wrong password %s ns", median(unknown), median(wrong))
			.isBetween(0.7, 1.4);
	}

	@Test
	void failedLoginsAreAuditedWithTheAddressAndTheEmailTried() {
		String email = "audited-" + UUID.randomUUID() + "@test.returnit.local";
		login(email, "not-the-password");

		var events = api.get("/v1/audit-events?action=login.failed", fixtures.operatorToken()).body().get("data");
		assertThat(events).anySatisfy(event -> {
			assertThat(event.get("detail").get("email").asString()).isEqualTo(email);
			assertThat(event.get("ip").asString()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
			assertThat(event.get("actor").asString()).isEqualTo("anonymous");
		});
	}

	@Test
	@Order(Integer.MAX_VALUE)
	void anAddressThatKeepsFailingIsLockedWhateverEmailItTries() {
		var customer = fixtures.customer();
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 60 && !statuses.contains(429); i++) {
			statuses.add(login("spray-" + i + "-" + UUID.randomUUID() + "@test.returnit.local", "guess-123456").status());
		}

		assertThat(statuses).contains(429);
		assertThat(login(customer.email(), "customer-password-1").status()).isEqualTo(429);
	}

	private long timed(String email) {
		long start = System.nanoTime();
		assertThat(login(email, "not-the-password").status()).isEqualTo(401);
		return System.nanoTime() - start;
	}

	private static long median(List<Long> values) {
		return values.stream().sorted().toList().get(values.size() / 2);
	}

	private List<Integer> statuses(String email, String password, int times) {
		return responses(email, password, times).stream().map(Api.Response::status).toList();
	}

	private List<Api.Response> responses(String email, int times) {
		return responses(email, "wrong-password-1", times);
	}

	private List<Api.Response> responses(String email, String password, int times) {
		List<Api.Response> responses = new ArrayList<>();
		for (int i = 0; i < times; i++) {
			responses.add(login(email, password));
		}
		return responses;
	}

	private Api.Response login(String email, String password) {
		return api.post("/v1/auth/token", null, Map.of("email", email, "password", password));
	}
}
