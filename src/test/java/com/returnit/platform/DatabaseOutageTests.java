package com.returnit.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.Api;
import com.returnit.support.DatabaseSwitch;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

/**
 * The database stops under the service's feet and comes back: meanwhile every request fails fast with 503
 * problem+json and Retry-After, from the first request on (no request waits out the pool's connection-timeout, here
 * 30 s so that the difference is plain), readiness says 503, and the service serves again soon after the database's
 * return, without a restart. A pool that is merely busy is not an outage: its requests wait and are served (ADR 0018,
 * 0027; drills/database-outage.sh is the 30 s version against the real jar, which measures the 5 s recovery aim).
 */
@TestPropertySource(properties = { "returnit.test.database=outage", "spring.datasource.hikari.connection-timeout=30000" })
class DatabaseOutageTests extends EndToEndTest {

	/**
	 * Far below the pool's 30 s connection-timeout that the first requests of an outage would otherwise wait, with room
	 * for a busy 2-core CI machine; drills/database-outage.sh measures the real figures on the jar.
	 */
	private static final Duration FAIL_FAST = Duration.ofSeconds(10);
	private static final Duration RECOVERY = Duration.ofSeconds(10);

	@Value("${returnit.data-dir}")
	Path dataDir;

	@Value("${spring.datasource.hikari.maximum-pool-size}")
	int poolSize;

	@Autowired
	DataSource dataSource;

	@Test
	void duringADatabaseOutageRequestsFailFastWith503AndTheServiceRecoversWithoutARestart() throws Exception {
		Fixtures.MerchantRef merchant = fixtures.merchant("Outage Outfitters");
		Fixtures.Person customer = fixtures.customer();
		fixtures.order(customer, merchant);
		DatabaseSwitch database = DatabaseSwitch.of(dataDir);

		database.stop();
		try {
			// at once: the first requests meet a pool of dead connections and a database that refuses new ones
			List<Timed> answers = concurrently(60, i -> switch (i % 3) {
				case 0 -> api.get("/v1/orders", customer.token());
				case 1 -> api.post("/v1/orders", customer.token(), Fixtures.request(merchant.id()));
				default -> api.get("/v1/merchants/" + merchant.id(), merchant.apiKey());
			});
			assertThat(answers).allSatisfy(answer -> {
				assertThat(answer.response().status()).as(answer.response().body().toString()).isEqualTo(503);
				assertThat(answer.response().contentType()).startsWith("application/problem+json");
				assertThat(answer.response().header("Retry-After")).isEqualTo("5");
				assertThat(answer.took()).isLessThan(FAIL_FAST);
			});
			assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(503);
			assertThat(api.get("/actuator/health/liveness", null).status())
				.as("the process itself is alive: no restart wanted").isEqualTo(200);
		}
		finally {
			database.start();
		}
		long back = System.nanoTime();

		Awaitility.await().atMost(RECOVERY).pollInterval(Duration.ofMillis(100))
			.until(() -> api.get("/v1/orders", customer.token()).status() == 200);
		Duration recovery = Duration.ofNanos(System.nanoTime() - back);
		assertThat(recovery).isLessThan(RECOVERY);
		assertThat(api.post("/v1/orders", customer.token(), Fixtures.request(merchant.id())).status()).isEqualTo(201);
		assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(200);
	}

	@Test
	void aPoolThatIsMerelyBusyIsNoOutageItsRequestsWaitAndAreServed() throws Exception {
		Fixtures.MerchantRef merchant = fixtures.merchant("Busy Boutique");
		Fixtures.Person customer = fixtures.customer();
		fixtures.order(customer, merchant);
		long busyUntil = System.nanoTime() + Duration.ofMillis(1500).toNanos();

		try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
			// every connection of the pool taken, and each one that comes free taken again, for 1.5 s
			for (int i = 0; i < poolSize; i++) {
				threads.submit(() -> holdAConnectionUntil(busyUntil));
			}
			Thread.sleep(200);
			List<Timed> answers = concurrently(6, i -> api.get("/v1/orders", customer.token()));

			assertThat(answers).allSatisfy(answer -> assertThat(answer.response().status())
				.as(answer.response().body().toString()).isEqualTo(200));
			assertThat(answers).as("waited past the 500 ms after which the node asks the database")
				.anySatisfy(answer -> assertThat(answer.took()).isGreaterThan(Duration.ofMillis(800)));
		}
	}

	private Void holdAConnectionUntil(long nanoTime) throws Exception {
		try (Connection connection = dataSource.getConnection()) {
			long left = nanoTime - System.nanoTime();
			if (left > 0) {
				Thread.sleep(Duration.ofNanos(left));
			}
		}
		return null;
	}

	private record Timed(Api.Response response, Duration took) {
	}

	private interface Call {

		Api.Response send(int i);
	}

	private static List<Timed> concurrently(int count, Call call) throws Exception {
		try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<Timed>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				int n = i;
				futures.add(threads.submit(() -> timed(() -> call.send(n))));
			}
			List<Timed> answers = new ArrayList<>();
			for (Future<Timed> future : futures) {
				answers.add(future.get());
			}
			return answers;
		}
	}

	private static Timed timed(java.util.function.Supplier<Api.Response> call) {
		long start = System.nanoTime();
		Api.Response response = call.get();
		return new Timed(response, Duration.ofNanos(System.nanoTime() - start));
	}
}
