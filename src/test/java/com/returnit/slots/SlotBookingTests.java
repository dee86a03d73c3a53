package com.returnit.slots;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class SlotBookingTests extends EndToEndTest {

	@Autowired
	JdbcClient jdbc;

	private SlotFixtures slots;

	@BeforeEach
	void slotFixtures() {
		slots = new SlotFixtures(api, fixtures);
	}

	@Test
	void fiftyCustomersRacingForTheLastSeatLeaveExactlyOneOfThemWithAnOrder() throws Exception {
		var merchant = fixtures.merchant("Last Seat Shop");
		var area = slots.area("Race for the last seat");
		slots.schedule(area, SlotFixtures.schedule("Europe/Berlin", 120, 3, 0, "08:00", "20:00"));
		JsonNode window = slots.slots(area, merchant.id(), null).body().get("data").get(2);
		for (int i = 0; i < 2; i++) {
			Api.Response early = api.post("/v1/orders", fixtures.customer().token(),
					SlotFixtures.request(merchant.id(), area, window));
			assertThat(early.status()).as(early.body().toString()).isEqualTo(201);
		}
		List<Fixtures.Person> racers;
		try (ExecutorService signUps = Executors.newFixedThreadPool(8)) {
			racers = signUps.invokeAll(IntStream.range(0, 50).<java.util.concurrent.Callable<Fixtures.Person>>mapToObj(
					i -> fixtures::customer).toList()).stream().map(SlotBookingTests::get).toList();
		}

		CountDownLatch ready = new CountDownLatch(racers.size());
		CountDownLatch go = new CountDownLatch(1);
		List<Future<Api.Response>> answers = new ArrayList<>();
		try (ExecutorService threads = Executors.newFixedThreadPool(racers.size())) {
			for (Fixtures.Person racer : racers) {
				var request = SlotFixtures.request(merchant.id(), area, window);
				answers.add(threads.submit(() -> {
					ready.countDown();
					go.await();
					return api.post("/v1/orders", racer.token(), request);
				}));
			}
			ready.await();
			go.countDown();
		}

		List<Api.Response> responses = answers.stream().map(SlotBookingTests::get).toList();
		assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
		assertThat(responses).filteredOn(r -> r.status() != 201).hasSize(49).allSatisfy(refused -> {
			assertThat(refused.status()).as(refused.body().toString()).isEqualTo(409);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(refused.text("code")).isEqualTo("slot_full");
			assertThat(refused.text("detail")).isEqualTo("This pickup window is full; choose another.");
		});
		Timestamp start = Timestamp.from(Instant.parse(window.get("start").asString()));
		List<UUID> racerIds = racers.stream().map(p -> UUID.fromString(p.id())).toList();
		assertThat(jdbc.sql("SELECT count(*) FROM orders WHERE window_start = :start AND customer_id IN (:racers)")
			.param("start", start).param("racers", racerIds).query(Integer.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM orders WHERE window_start = :start AND pickup_lat = :lat")
			.param("start", start).param("lat", area.lat()).query(Integer.class).single()).isEqualTo(3);
		assertThat(jdbc.sql("SELECT booked FROM pickup_slots WHERE area_id = :area AND window_start = :start")
			.param("area", UUID.fromString(area.id())).param("start", start).query(Integer.class).single())
			.isEqualTo(3);
		assertThat(slots.slot(area, merchant.id(), window.get("start").asString()).get("remaining").asInt()).isZero();
	}

	@Test
	void aWindowThatIsNotOneOfAScheduledAreasWindowsIsRefusedNamingTheWindow() {
		var merchant = fixtures.merchant("Off Grid Shop");
		var area = slots.area("Booking off the grid");
		slots.schedule(area, SlotFixtures.schedule("Europe/Paris", 120, 5, 0, "08:00", "20:00"));
		JsonNode window = slots.slots(area, merchant.id(), null).body().get("data").get(1);
		Instant start = Instant.parse(window.get("start").asString());
		var customer = fixtures.customer();

		for (var off : List.of(SlotFixtures.request(merchant.id(), area, start.plus(30, ChronoUnit.MINUTES).toString(),
				start.plus(150, ChronoUnit.MINUTES).toString()),
				SlotFixtures.request(merchant.id(), area, start.toString(), start.plus(1, ChronoUnit.HOURS).toString()))) {
			Api.Response booked = api.post("/v1/orders", customer.token(), off);
			assertThat(booked.status()).as(booked.body().toString()).isEqualTo(422);
			assertThat(booked.body().get("errors")).singleElement().satisfies(error -> {
				assertThat(error.get("field").asString()).isEqualTo("window");
				assertThat(error.get("message").asString())
					.isEqualTo("is not one of this area's pickup windows; see GET /v1/slots");
			});

			Api.Response quote = api.post("/v1/quotes", customer.token(), off);
			assertThat(quote.status()).isEqualTo(200);
			assertThat(quote.body().get("eligible").asBoolean()).isFalse();
			assertThat(quote.body().get("reasons")).extracting(r -> r.get("rule").asString())
				.containsExactly("pickup_window");
		}
		assertThat(api.get("/v1/orders", customer.token()).body().get("data")).isEmpty();
		assertThat(slots.slot(area, merchant.id(), start.toString()).get("remaining").asInt()).isEqualTo(5);
	}

	@Test
	void aWindowSoonerThanTheLeadTimeIsRefusedNamingTheWindow() {
		var merchant = fixtures.merchant("Short Notice Shop");
		var area = slots.area("Booking at short notice");
		slots.schedule(area, SlotFixtures.schedule("UTC", 60, 5, 2880, "00:00", "24:00"));
		Instant start = Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS);

		Api.Response booked = api.post("/v1/orders", fixtures.customer().token(), SlotFixtures.request(merchant.id(),
				area, start.toString(), start.plus(1, ChronoUnit.HOURS).toString()));

		assertThat(booked.status()).isEqualTo(422);
		assertThat(booked.body().get("errors").get(0).get("field").asString()).isEqualTo("window");
		assertThat(booked.body().get("errors").get(0).get("message").asString())
			.startsWith("starts too soon: this area's pickups are booked at least 2880 minutes ahead");
	}

	@Test
	void anAreaWithoutAScheduleBooksAnyWindowAsBeforeAndHoldsNoSeat() {
		var merchant = fixtures.merchant("Free Window Shop");
		var area = slots.area("Booking unscheduled");
		Instant start = Instant.now().plus(17, ChronoUnit.MINUTES);
		var request = SlotFixtures.request(merchant.id(), area, start.toString(),
				start.plus(73, ChronoUnit.MINUTES).toString());

		Api.Response quote = api.post("/v1/quotes", fixtures.customer().token(), request);
		Api.Response booked = api.post("/v1/orders", fixtures.customer().token(), request);

		assertThat(quote.body().get("eligible").asBoolean()).isTrue();
		assertThat(booked.status()).as(booked.body().toString()).isEqualTo(201);
		assertThat(jdbc.sql("SELECT count(*) FROM pickup_slots WHERE area_id = :area")
			.param("area", UUID.fromString(area.id())).query(Integer.class).single()).isZero();
	}

	@Test
	void aFullWindowIsRefusedUntilACancellationFreesItsSeat() {
		var merchant = fixtures.merchant("One Seat Shop");
		var area = slots.area("Booking one seat");
		slots.schedule(area, SlotFixtures.schedule("Europe/Berlin", 120, 1, 0, "08:00", "20:00"));
		JsonNode window = slots.slots(area, merchant.id(), null).body().get("data").get(4);
		var first = fixtures.customer();
		var second = fixtures.customer();
		String order = api.post("/v1/orders", first.token(), SlotFixtures.request(merchant.id(), area, window))
			.text("id");

		Api.Response quote = api.post("/v1/quotes", second.token(), SlotFixtures.request(merchant.id(), area, window));
		Api.Response refused = api.post("/v1/orders", second.token(), SlotFixtures.request(merchant.id(), area, window));
		assertThat(quote.body().get("reasons")).extracting(r -> r.get("rule").asString() + ": " + r.get("message").asString())
			.containsExactly("slot_full: This pickup window is full; choose another.");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.text("code")).isEqualTo("slot_full");

		assertThat(api.post("/v1/orders/" + order + "/cancel", first.token(), Map.of("reason", "Plans changed"))
			.status()).isEqualTo(200);
		Api.Response rebooked = api.post("/v1/orders", second.token(), SlotFixtures.request(merchant.id(), area, window));
		assertThat(rebooked.status()).as(rebooked.body().toString()).isEqualTo(201);
	}

	@Test
	void aFailedPickupFreesItsSeat() {
		var merchant = fixtures.merchant("Failed Pickup Shop");
		var area = slots.area("Booking a failed pickup");
		slots.schedule(area, SlotFixtures.oneWindowSoon(1));
		JsonNode window = slots.slots(area, merchant.id(), null).body().get("data").get(0);
		var driver = fixtures.driver();
		fixtures.onShiftAt(driver, area.lat() + 0.002, area.lng());
		String order = api.post("/v1/orders", fixtures.customer().token(),
				SlotFixtures.request(merchant.id(), area, window)).text("id");
		assertThat(api.post("/v1/orders", fixtures.customer().token(), SlotFixtures.request(merchant.id(), area, window))
			.status()).isEqualTo(409);

		String offer = fixtures.awaitOffer(driver).get("id").asString();
		assertThat(api.post("/v1/offers/" + offer + "/accept", driver.token(), "").status()).isEqualTo(200);
		Api.Response failed = api.post("/v1/orders/" + order + "/fail", driver.token(),
				Map.of("reason", "customer_absent", "note", "nobody home"));
		assertThat(failed.status()).as(failed.body().toString()).isEqualTo(200);
		fixtures.offShift(driver);

		assertThat(slots.slot(area, merchant.id(), window.get("start").asString()).get("remaining").asInt()).isEqualTo(1);
		Api.Response rebooked = api.post("/v1/orders", fixtures.customer().token(),
				SlotFixtures.request(merchant.id(), area, window));
		assertThat(rebooked.status()).as(rebooked.body().toString()).isEqualTo(201);
	}

	@Test
	void loweringTheCapacityKeepsTheSeatsHeldAndRaisingItMakesRoom() {
		var merchant = fixtures.merchant("Capacity Change Shop");
		var area = slots.area("Booking through capacity changes");
		slots.schedule(area, SlotFixtures.schedule("Europe/Berlin", 120, 2, 0, "08:00", "20:00"));
		JsonNode window = slots.slots(area, merchant.id(), null).body().get("data").get(2);
		for (int i = 0; i < 2; i++) {
			assertThat(api.post("/v1/orders", fixtures.customer().token(),
					SlotFixtures.request(merchant.id(), area, window)).status()).isEqualTo(201);
		}

		slots.schedule(area, SlotFixtures.schedule("Europe/Berlin", 120, 1, 0, "08:00", "20:00"));
		JsonNode lowered = slots.slot(area, merchant.id(), window.get("start").asString());
		assertThat(lowered.get("capacity").asInt()).isEqualTo(1);
		assertThat(lowered.get("remaining").asInt()).isZero();
		assertThat(api.post("/v1/orders", fixtures.customer().token(),
				SlotFixtures.request(merchant.id(), area, window)).status()).isEqualTo(409);

		slots.schedule(area, SlotFixtures.schedule("Europe/Berlin", 120, 3, 0, "08:00", "20:00"));
		assertThat(slots.slot(area, merchant.id(), window.get("start").asString()).get("remaining").asInt()).isEqualTo(1);
		assertThat(api.post("/v1/orders", fixtures.customer().token(),
				SlotFixtures.request(merchant.id(), area, window)).status()).isEqualTo(201);
		assertThat(jdbc.sql("SELECT count(*) FROM orders WHERE pickup_lat = :lat AND status = 'scheduled'")
			.param("lat", area.lat()).query(Integer.class).single()).isEqualTo(3);
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
