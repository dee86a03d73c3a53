package com.returnit.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = { "returnit.test.database=ratelimits", "returnit.test.rate-limits.anonymous=30",
		"returnit.test.rate-limits.customer=10", "returnit.test.rate-limits.merchant=15",
		"returnit.test.rate-limits.driver-pings=5" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitTests extends EndToEndTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCustomerOverTheLimitGetsA429ProblemWithRetryAfterAndTheRateLimitHeaders() {
		String token = fixtures.customer().token();
		Api.Response first = api.get("/v1/orders", token);
		List<Integer> statuses = statuses(9, () -> api.get("/v1/orders", token));
		Api.Response over = api.get("/v1/orders", token);

		assertThat(first.header("RateLimit-Policy")).isEqualTo("\"customer\";q=10;w=60");
		assertThat(first.header("RateLimit")).startsWith("\"customer\";r=9;t=");
		assertThat(statuses).containsOnly(200);
		assertThat(over.status()).isEqualTo(429);
		assertThat(over.contentType()).startsWith("application/problem+json");
		assertThat(over.text("detail")).contains("10 requests per 60 s");
		assertThat(Integer.parseInt(over.header("Retry-After"))).isBetween(1, 60);
		assertThat(over.header("RateLimit")).startsWith("\"customer\";r=0;t=");
	}

	@Test
	void oneCustomersBurstLeavesAnotherCustomerUntouched() {
		String greedy = fixtures.customer().token();
		String patient = fixtures.customer().token();
		statuses(12, () -> api.get("/v1/orders", greedy));

		assertThat(api.get("/v1/orders", greedy).status()).isEqualTo(429);
		assertThat(api.get("/v1/orders", patient).status()).isEqualTo(200);
	}

	@Test
	void merchantsHaveALargerBudgetThanCustomers() {
		String key = fixtures.merchant("Busy Shop").apiKey();

		assertThat(statuses(15, () -> api.get("/v1/orders", key))).containsOnly(200);
		assertThat(api.get("/v1/orders", key).status()).isEqualTo(429);
	}

	@Test
	void driversPingOnABudgetOfTheirOwn() {
		String driver = fixtures.driver().token();
		List<Integer> pings = statuses(5, () -> api.post("/v1/drivers/me/locations", driver, Map.of("pings", List.of())));

		assertThat(pings).doesNotContain(429);
		assertThat(api.post("/v1/drivers/me/locations", driver, Map.of("pings", List.of())).status()).isEqualTo(429);
		assertThat(api.get("/v1/drivers/me/shift", driver).status()).as("their other calls").isNotEqualTo(429);
	}

	@Test
	void bucketsAreKeptInPostgresqlSoEveryNodeCountsTheSame() {
		var customer = fixtures.customer();
		api.get("/v1/orders", customer.token());

		assertThat(jdbc.sql("SELECT count(*) FROM rate_limit_buckets WHERE id = :id")
			.param("id", "customer:customer:" + customer.id()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	@Order(Integer.MAX_VALUE)
	void anonymousCallersAreCountedByAddress() {
		List<Integer> statuses = statuses(31, () -> api.get("/v1/public/tracking/no-such-link", null));

		assertThat(statuses).contains(404, 429);
		assertThat(statuses.subList(statuses.indexOf(429), statuses.size())).containsOnly(429);
	}

	private static List<Integer> statuses(int times, java.util.function.Supplier<Api.Response> call) {
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < times; i++) {
			statuses.add(call.get().status());
		}
		return statuses;
	}
}
