package com.returnit.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Drivers go on and off shift; the history of their shifts is kept. */
class ShiftTests extends EndToEndTest {

	@Autowired
	DriverLocator locator;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aDriverStartsAShiftAndStartingAgainAnswersTheSameShift() {
		Fixtures.Person driver = fixtures.driver();

		Api.Response started = api.post("/v1/drivers/me/shift/start", driver.token(), Map.of());
		Api.Response again = api.post("/v1/drivers/me/shift/start", driver.token(), Map.of());

		assertThat(started.status()).isEqualTo(200);
		assertThat(started.text("driverId")).isEqualTo(driver.id());
		assertThat(started.body().get("onShift").asBoolean()).isTrue();
		assertThat(started.body().get("endedAt").isNull()).isTrue();
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.text("startedAt")).isEqualTo(started.text("startedAt"));
		assertThat(locator.onShift(UUID.fromString(driver.id()))).isTrue();
	}

	@Test
	void aDriverEndsTheShiftAndEndingAgainIsAConflict() {
		Fixtures.Person driver = fixtures.driver();
		Api.Response started = api.post("/v1/drivers/me/shift/start", driver.token(), Map.of());

		Api.Response ended = api.post("/v1/drivers/me/shift/end", driver.token(), Map.of());
		Api.Response endedAgain = api.post("/v1/drivers/me/shift/end", driver.token(), Map.of());

		assertThat(ended.status()).isEqualTo(200);
		assertThat(ended.body().get("onShift").asBoolean()).isFalse();
		assertThat(ended.text("startedAt")).isEqualTo(started.text("startedAt"));
		assertThat(ended.text("endedAt")).isNotBlank();
		assertThat(endedAgain.status()).isEqualTo(409);
		assertThat(endedAgain.contentType()).startsWith("application/problem+json");
		assertThat(locator.onShift(UUID.fromString(driver.id()))).isFalse();
		assertThat(api.get("/v1/drivers/me/shift", driver.token()).body().get("onShift").asBoolean()).isFalse();
	}

	@Test
	void aDriversShiftSaysWhatTheyDriveAndHowManyParcelsItTakes() {
		Fixtures.Person driver = fixtures.driver("bike", 3);

		Api.Response before = api.get("/v1/drivers/me/shift", driver.token());
		Api.Response started = api.post("/v1/drivers/me/shift/start", driver.token(), Map.of());

		for (Api.Response shift : java.util.List.of(before, started)) {
			assertThat(shift.body().get("vehicle").get("type").asString()).isEqualTo("bike");
			assertThat(shift.body().get("vehicle").get("capacityParcels").asInt()).isEqualTo(3);
		}
		api.post("/v1/drivers/me/shift/end", driver.token(), Map.of());
	}

	@Test
	void everyShiftIsKeptInTheHistory() {
		Fixtures.Person driver = fixtures.driver();
		for (int i = 0; i < 3; i++) {
			api.post("/v1/drivers/me/shift/start", driver.token(), Map.of());
			api.post("/v1/drivers/me/shift/end", driver.token(), Map.of());
		}
		api.post("/v1/drivers/me/shift/start", driver.token(), Map.of());

		assertThat(jdbc.sql("SELECT count(*) FROM driver_shifts WHERE driver_id = :d AND ended_at IS NOT NULL")
			.param("d", UUID.fromString(driver.id())).query(Long.class).single()).isEqualTo(3);
		assertThat(api.get("/v1/drivers/me/shift", driver.token()).body().get("onShift").asBoolean()).isTrue();
	}

	@Test
	void onlyDriversHaveShifts() {
		String customer = fixtures.customer().token();
		String operator = fixtures.operatorToken();

		assertThat(api.post("/v1/drivers/me/shift/start", customer, Map.of()).status()).isEqualTo(403);
		assertThat(api.post("/v1/drivers/me/shift/end", operator, Map.of()).status()).isEqualTo(403);
		assertThat(api.post("/v1/drivers/me/shift/start", null, Map.of()).status()).isEqualTo(401);
	}
}
