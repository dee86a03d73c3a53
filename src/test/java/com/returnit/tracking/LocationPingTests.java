package com.returnit.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Drivers' phones send their locations; a 202 means the pings are stored. */
class LocationPingTests extends EndToEndTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DriverLocator locator;

	@Autowired
	MeterRegistry meters;

	@Test
	void pingsAreInPostgresWhenThe202Arrives() {
		Fixtures.Person driver = onShift(fixtures.driver());
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

		Api.Response response = api.post("/v1/drivers/me/locations", driver.token(), Pings.of()
			.at(52.5200, 13.4050, now.minusSeconds(20)).at(52.5205, 13.4050, now.minusSeconds(10))
			.at(52.5210, 13.4050, now).body());

		assertThat(response.status()).as(response.body().toString()).isEqualTo(202);
		assertThat(response.body().get("accepted").asInt()).isEqualTo(3);
		assertThat(response.body().get("flagged").asInt()).isZero();
		assertThat(storedPings(driver)).isEqualTo(3);
		assertThat(jdbc.sql("SELECT lat FROM driver_positions_latest WHERE driver_id = :d")
			.param("d", id(driver)).query(Double.class).single()).isEqualTo(52.5210);
		assertThat(locator.latest(id(driver))).hasValue(new Position(id(driver), 52.5210, 13.4050, now));
	}

	@Test
	void aFixSentWithNanosecondsIsKeptToTheMicrosecondInMemoryAndInPostgres() {
		Fixtures.Person driver = onShift(fixtures.driver());
		Instant sent = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusNanos(123_456_789);

		api.post("/v1/drivers/me/locations", driver.token(), Pings.of().at(52.5200, 13.4050, sent).body());

		Instant stored = jdbc.sql("SELECT recorded_at FROM driver_positions_latest WHERE driver_id = :d")
			.param("d", id(driver)).query(java.sql.Timestamp.class).single().toInstant();
		assertThat(stored).isEqualTo(sent.truncatedTo(ChronoUnit.MICROS));
		assertThat(locator.latest(id(driver))).map(Position::recordedAt).as("the same fix, not a newer one")
			.hasValue(stored);
	}

	@Test
	void aJumpNoCarCouldMakeIsStoredButFlaggedAndDoesNotMoveTheDriver() {
		Fixtures.Person driver = onShift(fixtures.driver());
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		api.post("/v1/drivers/me/locations", driver.token(), Pings.of().at(52.52, 13.405, now.minusSeconds(60)).body());

		Api.Response response = api.post("/v1/drivers/me/locations", driver.token(),
				Pings.of().at(48.137, 11.575, now.minusSeconds(50)).at(52.5201, 13.405, now).body());

		assertThat(response.status()).isEqualTo(202);
		assertThat(response.body().get("accepted").asInt()).isEqualTo(2);
		assertThat(response.body().get("flagged").asInt()).as("Munich 10 s after Berlin").isEqualTo(1);
		assertThat(jdbc.sql("SELECT lat FROM driver_pings WHERE driver_id = :d AND flagged")
			.param("d", id(driver)).query(Double.class).list()).containsExactly(48.137);
		assertThat(locator.latest(id(driver))).map(Position::lat).hasValue(52.5201);
	}

	@Test
	void aRequestSentAgainByARetryingPhoneStoresItsPingsOnce() {
		Fixtures.Person driver = onShift(fixtures.driver());
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		Map<String, Object> body = Pings.of().at(52.5200, 13.4050, now.minusSeconds(10)).at(52.5201, 13.4050, now).body();

		Api.Response first = api.post("/v1/drivers/me/locations", driver.token(), body);
		Api.Response retry = api.post("/v1/drivers/me/locations", driver.token(), body);

		assertThat(first.status()).isEqualTo(202);
		assertThat(retry.status()).as(retry.body().toString()).isEqualTo(202);
		assertThat(storedPings(driver)).isEqualTo(2);
		assertThat(locator.latest(id(driver))).map(Position::lat).hasValue(52.5201);
	}

	@Test
	void aDriverReadsTheirOwnTrackPageByPageAndOperatorsMayReadAnyonesButOtherDriversMayNot() {
		Fixtures.Person driver = fixtures.driver();
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		api.post("/v1/drivers/me/locations", driver.token(), Pings.of().at(52.5200, 13.4050, now.minusSeconds(30))
			.at(52.5201, 13.4050, now.minusSeconds(20)).at(52.5202, 13.4050, now.minusSeconds(10)).body());

		Api.Response first = api.get("/v1/drivers/me/locations?limit=2", driver.token());
		assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
		assertThat(first.body().get("data")).extracting(p -> p.get("lat").asDouble()).containsExactly(52.5200, 52.5201);
		Api.Response rest = api.get("/v1/drivers/me/locations?limit=2&after=" + first.text("nextAfter"), driver.token());
		assertThat(rest.body().get("data")).extracting(p -> p.get("lat").asDouble()).containsExactly(52.5202);
		assertThat(rest.body().get("nextAfter").isNull()).isTrue();

		assertThat(api.get("/v1/drivers/" + driver.id() + "/locations", fixtures.operatorToken()).body().get("data"))
			.hasSize(3);
		assertThat(api.get("/v1/drivers/" + driver.id() + "/locations", fixtures.driver().token()).status())
			.as("another driver's history, like another tenant's order").isEqualTo(404);
		assertThat(api.get("/v1/drivers/" + driver.id() + "/locations", fixtures.customer().token()).status())
			.isEqualTo(404);
		Api.Response backwards = api.get("/v1/drivers/me/locations?from=" + now + "&to=" + now.minusSeconds(60),
				driver.token());
		assertThat(backwards.status()).isEqualTo(400);
		assertThat(backwards.body().toString()).contains("from");
	}

	@Test
	void aDriverOffShiftMayStillSendPingsOnTheWayToTheFirstPickup() {
		Fixtures.Person driver = fixtures.driver();

		Api.Response response = api.post("/v1/drivers/me/locations", driver.token(),
				Pings.of().at(52.52, 13.405, Instant.now()).body());

		assertThat(response.status()).isEqualTo(202);
		assertThat(storedPings(driver)).isEqualTo(1);
		assertThat(locator.onShift(id(driver))).isFalse();
	}

	@Test
	void onlyDriversSendLocations() {
		Map<String, Object> body = Pings.of().at(52.52, 13.405, Instant.now()).body();

		assertThat(api.post("/v1/drivers/me/locations", fixtures.customer().token(), body).status()).isEqualTo(403);
		assertThat(api.post("/v1/drivers/me/locations", fixtures.operatorToken(), body).status()).isEqualTo(403);
		assertThat(api.post("/v1/drivers/me/locations", null, body).status()).isEqualTo(401);
	}

	@Test
	void concurrentRequestsFromManyDriversAreWrittenInFewerTransactionsThanRequests() throws Exception {
		int requests = 200;
		List<Integer> statuses;
		try (var pool = Executors.newFixedThreadPool(50)) {
			List<Fixtures.Person> drivers = IntStream.range(0, 10).mapToObj(i -> pool.submit(() -> fixtures.driver())).toList()
				.stream().map(LocationPingTests::get).toList();
			double flushesBefore = meters.counter("returnit.tracking.flushes").count();
			List<Future<Integer>> sent = IntStream.range(0, requests).mapToObj(i -> pool.submit(() -> api.post(
					"/v1/drivers/me/locations", drivers.get(i % drivers.size()).token(),
					Pings.of().at(52.50 + (i % 20) * 0.001, 13.40, Instant.now()).body()).status()))
				.toList();
			statuses = sent.stream().map(LocationPingTests::get).toList();
			double flushes = meters.counter("returnit.tracking.flushes").count() - flushesBefore;

			assertThat(statuses).containsOnly(202);
			assertThat(drivers.stream().mapToLong(this::storedPings).sum()).isEqualTo(requests);
			assertThat(flushes).as("transactions for %d requests", requests).isGreaterThan(0).isLessThan(requests);
		}
	}

	private Fixtures.Person onShift(Fixtures.Person driver) {
		assertThat(api.post("/v1/drivers/me/shift/start", driver.token(), Map.of()).status()).isEqualTo(200);
		return driver;
	}

	private long storedPings(Fixtures.Person driver) {
		return jdbc.sql("SELECT count(*) FROM driver_pings WHERE driver_id = :d").param("d", id(driver))
			.query(Long.class).single();
	}

	private static UUID id(Fixtures.Person person) {
		return UUID.fromString(person.id());
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
