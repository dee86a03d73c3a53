package com.returnit.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A driver's app sends each batch of pings with an Idempotency-Key and sends it again when unsure it arrived: the
 * batch is stored once, in order, and the key behaves as on every other creating POST.
 */
class PingBatchIdempotencyTests extends EndToEndTest {

	private static final String PATH = "/v1/drivers/me/locations";

	@Autowired
	JdbcClient jdbc;

	@Test
	void aBatchSentTwiceWithItsKeyIsStoredOnceInOrderAndTheRetryIsAReplay() {
		Fixtures.Person driver = fixtures.driver();
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		Map<String, Object> batch = Pings.of().at(52.5200, 13.4050, now.minusSeconds(20))
			.at(52.5201, 13.4050, now.minusSeconds(10)).at(52.5202, 13.4050, now).body();
		String key = UUID.randomUUID().toString();

		Api.Response first = api.post(PATH, driver.token(), batch, "Idempotency-Key", key);
		Api.Response retry = api.post(PATH, driver.token(), batch, "Idempotency-Key", key);

		assertThat(first.status()).as(first.body().toString()).isEqualTo(202);
		assertThat(retry.status()).as(retry.body().toString()).isEqualTo(202);
		assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(retry.body().get("accepted").asInt()).isEqualTo(3);
		assertThat(storedLatitudes(driver)).containsExactly(52.5200, 52.5201, 52.5202);
	}

	@Test
	void theSameKeyWithAnotherBatchIsA422AndStoresNothingNew() {
		Fixtures.Person driver = fixtures.driver();
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		String key = UUID.randomUUID().toString();
		api.post(PATH, driver.token(), Pings.of().at(52.5300, 13.4050, now.minusSeconds(5)).body(),
				"Idempotency-Key", key);

		Api.Response other = api.post(PATH, driver.token(), Pings.of().at(52.5301, 13.4050, now).body(),
				"Idempotency-Key", key);

		assertThat(other.status()).isEqualTo(422);
		assertThat(other.contentType()).startsWith("application/problem+json");
		assertThat(storedLatitudes(driver)).containsExactly(52.5300);
	}

	@Test
	void twoSendsOfOneBatchAtTheSameTimeStoreEachPingOnceInOrder() throws Exception {
		Fixtures.Person driver = fixtures.driver();
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		Pings pings = Pings.of();
		for (int i = 0; i < 20; i++) {
			pings.at(52.5200 + i * 0.0001, 13.4050, now.minusSeconds(20 - i));
		}
		String key = UUID.randomUUID().toString();
		CountDownLatch start = new CountDownLatch(1);
		Callable<Integer> send = () -> {
			start.await();
			return api.post(PATH, driver.token(), pings.body(), "Idempotency-Key", key).status();
		};

		List<Integer> statuses;
		try (var pool = Executors.newFixedThreadPool(2)) {
			List<Future<Integer>> sent = List.of(pool.submit(send), pool.submit(send));
			start.countDown();
			statuses = sent.stream().map(PingBatchIdempotencyTests::get).toList();
		}

		assertThat(statuses).as("a send still running answers 409; the app sends it again later")
			.contains(202).allMatch(s -> s == 202 || s == 409);
		assertThat(storedLatitudes(driver))
			.containsExactlyElementsOf(IntStream.range(0, 20).mapToObj(i -> 52.5200 + i * 0.0001).toList());
	}

	@Test
	void aBatchTheAppRebatchedWithNewerPingsUnderANewKeyStoresOnlyTheNewOnes() {
		Fixtures.Person driver = fixtures.driver();
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		api.post(PATH, driver.token(), Pings.of().at(52.5400, 13.4050, now.minusSeconds(20))
			.at(52.5401, 13.4050, now.minusSeconds(10)).body(), "Idempotency-Key", UUID.randomUUID().toString());

		Api.Response rebatched = api.post(PATH, driver.token(), Pings.of().at(52.5400, 13.4050, now.minusSeconds(20))
			.at(52.5401, 13.4050, now.minusSeconds(10)).at(52.5402, 13.4050, now).body(), "Idempotency-Key",
				UUID.randomUUID().toString());

		assertThat(rebatched.status()).isEqualTo(202);
		assertThat(storedLatitudes(driver)).containsExactly(52.5400, 52.5401, 52.5402);
	}

	@Test
	void aBatchSentTwiceWithoutAKeyIsStoredOnceToo() {
		Fixtures.Person driver = fixtures.driver();
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		Map<String, Object> batch = Pings.of().at(52.5500, 13.4050, now.minusSeconds(10)).at(52.5501, 13.4050, now)
			.body();

		api.post(PATH, driver.token(), batch);
		Api.Response again = api.post(PATH, driver.token(), batch);

		assertThat(again.status()).isEqualTo(202);
		assertThat(storedLatitudes(driver)).containsExactly(52.5500, 52.5501);
	}

	@Test
	void theSameKeyFromTwoDriversStoresBothBatches() {
		Fixtures.Person one = fixtures.driver();
		Fixtures.Person other = fixtures.driver();
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		Map<String, Object> batch = Pings.of().at(52.5600, 13.4050, now).body();

		api.post(PATH, one.token(), batch, "Idempotency-Key", "shared-key-" + now.toEpochMilli());
		Api.Response second = api.post(PATH, other.token(), batch, "Idempotency-Key", "shared-key-" + now.toEpochMilli());

		assertThat(second.status()).isEqualTo(202);
		assertThat(storedLatitudes(one)).containsExactly(52.5600);
		assertThat(storedLatitudes(other)).containsExactly(52.5600);
	}

	@Test
	void aKeyLongerThan255CharactersIsRefusedAndNothingIsStored() {
		Fixtures.Person driver = fixtures.driver();

		Api.Response response = api.post(PATH, driver.token(), Pings.of().at(52.57, 13.405, Instant.now()).body(),
				"Idempotency-Key", "k".repeat(256));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(storedLatitudes(driver)).isEmpty();
	}

	private List<Double> storedLatitudes(Fixtures.Person driver) {
		return jdbc.sql("SELECT lat FROM driver_pings WHERE driver_id = :d ORDER BY recorded_at")
			.param("d", UUID.fromString(driver.id())).query(Double.class).list();
	}

	private static <T> T get(Future<T> future) {
		try {
			return future.get();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
