package com.returnit.slots;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.inputs.Times;
import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SlotListingTests extends EndToEndTest {

	private SlotFixtures slots;

	@BeforeEach
	void slotFixtures() {
		slots = new SlotFixtures(api, fixtures);
	}

	@Test
	void windowsRunOnTheAreasWallClockFromOpeningInStepsThatEndByClosing() {
		var merchant = fixtures.merchant("New York Returns");
		var area = slots.area("Listing in New York time");
		slots.schedule(area, SlotFixtures.schedule("America/New_York", 120, 8, 0, "09:00", "16:00"));
		Instant from = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		Instant to = from.plus(3, ChronoUnit.DAYS);

		Api.Response listed = api.get("/v1/slots?merchantId=" + merchant.id() + "&lat=" + area.lat() + "&lng="
				+ area.lng() + "&from=" + from + "&to=" + to, fixtures.customer().token());

		assertThat(listed.status()).as(listed.body().toString()).isEqualTo(200);
		assertThat(listed.body().get("area").get("id").asString()).isEqualTo(area.id());
		assertThat(listed.body().get("area").get("name").asString()).isEqualTo("Listing in New York time");
		assertThat(listed.body().get("area").get("timeZone").asString()).isEqualTo("America/New_York");
		assertThat(listed.body().get("scheduled").asBoolean()).isTrue();
		// 09-11, 11-13, 13-15 New York time; 15-17 would end after closing at 16:00
		ZoneId newYork = ZoneId.of("America/New_York");
		List<String> expected = new ArrayList<>();
		for (LocalDate day = from.atZone(newYork).toLocalDate(); !day.isAfter(to.atZone(newYork).toLocalDate());
				day = day.plusDays(1)) {
			for (int hour : new int[] { 9, 11, 13 }) {
				Instant start = ZonedDateTime.of(day, LocalTime.of(hour, 0), newYork).toInstant();
				if (!start.isBefore(from) && start.isBefore(to)) {
					expected.add(start + " " + start.plus(2, ChronoUnit.HOURS) + " 8 8");
				}
			}
		}
		assertThat(listed.body().get("data")).extracting(slot -> slot.get("start").asString() + " "
				+ slot.get("end").asString() + " " + slot.get("capacity").asInt() + " " + slot.get("remaining").asInt())
			.containsExactlyElementsOf(expected);
	}

	@Test
	void noWindowStartsSoonerThanTheLeadTime() {
		var merchant = fixtures.merchant("Lead Time Shop");
		var area = slots.area("Listing with lead time");
		slots.schedule(area, SlotFixtures.schedule("UTC", 60, 8, 180, "00:00", "24:00"));
		Instant asked = Instant.now();

		JsonNode data = slots.slots(area, merchant.id(), null).body().get("data");

		Instant first = Instant.parse(data.get(0).get("start").asString());
		assertThat(first).isAfterOrEqualTo(asked.plus(180, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS))
			.isBefore(asked.plus(240, ChronoUnit.MINUTES));
		Instant last = Instant.parse(data.get(data.size() - 1).get("start").asString());
		assertThat(last).as("the default range is 7 days").isBefore(asked.plus(7, ChronoUnit.DAYS).plusSeconds(5))
			.isAfter(asked.plus(7, ChronoUnit.DAYS).minus(1, ChronoUnit.HOURS).minusSeconds(5));
		assertThat(data).allSatisfy(slot -> assertThat(Duration.between(Instant.parse(slot.get("start").asString()),
				Instant.parse(slot.get("end").asString()))).isEqualTo(Duration.ofHours(1)));
	}

	@Test
	void seatsLeftGoDownWithEachBookingAFullWindowIsListedWithNoneAndACancellationGivesOneBack() {
		var merchant = fixtures.merchant("Seat Counter");
		var area = slots.area("Listing seats");
		slots.schedule(area, SlotFixtures.schedule("Europe/Paris", 120, 2, 0, "08:00", "20:00"));
		JsonNode window = slots.slots(area, merchant.id(), null).body().get("data").get(3);
		String start = window.get("start").asString();
		assertThat(window.get("capacity").asInt()).isEqualTo(2);
		assertThat(window.get("remaining").asInt()).isEqualTo(2);

		Api.Response first = api.post("/v1/orders", fixtures.customer().token(),
				SlotFixtures.request(merchant.id(), area, window));
		assertThat(first.status()).as(first.body().toString()).isEqualTo(201);
		assertThat(slots.slot(area, merchant.id(), start).get("remaining").asInt()).isEqualTo(1);

		var second = fixtures.customer();
		String secondOrder = api.post("/v1/orders", second.token(), SlotFixtures.request(merchant.id(), area, window))
			.text("id");
		JsonNode full = slots.slot(area, merchant.id(), start);
		assertThat(full.get("capacity").asInt()).isEqualTo(2);
		assertThat(full.get("remaining").asInt()).isEqualTo(0);

		assertThat(api.post("/v1/orders/" + secondOrder + "/cancel", second.token(), Map.of("reason", "Away"))
			.status()).isEqualTo(200);
		assertThat(slots.slot(area, merchant.id(), start).get("remaining").asInt()).isEqualTo(1);
	}

	@Test
	void anyoneMayListSlotsWithoutLoggingInCountedAsAnAnonymousCaller() {
		var merchant = fixtures.merchant("Return Link Shop");
		var area = slots.area("Listing without login");
		slots.schedule(area, SlotFixtures.schedule("Europe/Berlin", 120, 8, 60, "08:00", "20:00"));

		Api.Response listed = slots.slots(area, merchant.id(), null);

		assertThat(listed.status()).as(listed.body().toString()).isEqualTo(200);
		assertThat(listed.body().get("data")).isNotEmpty();
		assertThat(listed.header("RateLimit-Policy")).startsWith("\"anonymous\"");
	}

	@Test
	void anAreaWithoutAScheduleListsTheDefaultWindowsWithoutALimit() {
		var merchant = fixtures.merchant("Unscheduled Shop");
		var area = slots.area("Listing unscheduled");

		Api.Response listed = slots.slots(area, merchant.id(), null);

		assertThat(listed.status()).isEqualTo(200);
		assertThat(listed.body().get("scheduled").asBoolean()).isFalse();
		assertThat(listed.body().get("area").get("timeZone").asString()).isEqualTo("UTC");
		assertThat(listed.body().get("data")).isNotEmpty().allSatisfy(slot -> {
			ZonedDateTime start = Instant.parse(slot.get("start").asString()).atZone(ZoneId.of("UTC"));
			assertThat(start.getHour()).isIn(8, 10, 12, 14, 16, 18);
			assertThat(start.getMinute()).isZero();
			assertThat(slot.get("capacity").isNull()).isTrue();
			assertThat(slot.get("remaining").isNull()).isTrue();
		});
	}

	@Test
	void aPointInNoServiceAreaIsRefusedNamingLat() {
		var merchant = fixtures.merchant("Nowhere Shop");

		Api.Response listed = api.get("/v1/slots?merchantId=" + merchant.id() + "&lat=-45.0&lng=-120.0", null);

		assertThat(listed.status()).isEqualTo(422);
		assertThat(listed.contentType()).startsWith("application/problem+json");
		assertThat(listed.body().get("errors").get(0).get("field").asString()).isEqualTo("lat");
		assertThat(listed.body().get("errors").get(0).get("message").asString()).isEqualTo("is outside every service area");
	}

	@Test
	void anUnknownMerchantIsNotFound() {
		var area = slots.area("Listing for nobody");

		Api.Response listed = slots.slots(area, UUID.randomUUID().toString(), null);

		assertThat(listed.status()).isEqualTo(404);
		assertThat(listed.text("detail")).isEqualTo("Merchant not found");
	}

	@Test
	void badParametersAreEachNamedInOne400() {
		var merchant = fixtures.merchant("Bad Parameters Shop");
		String point = "&lat=" + 44.0 + "&lng=" + 6.0;
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

		assertThat(fields(api.get("/v1/slots?merchantId=shop&lat=north&lng=200&from=yesterday&to=2026-13-01", null)))
			.containsExactly("merchantId: is not a valid UUID", "lat: must be a number from -90 to 90",
					"lng: must be a number from -180 to 180",
					"from: is not an ISO-8601 instant (e.g. 2026-01-31T10:00:00Z) " + Times.RANGE,
					"to: is not an ISO-8601 instant (e.g. 2026-01-31T10:00:00Z) " + Times.RANGE);
		assertThat(fields(api.get("/v1/slots", null)))
			.containsExactly("merchantId: is required", "lat: is required", "lng: is required");
		assertThat(fields(api.get("/v1/slots?merchantId=" + merchant.id() + point + "&from=" + now.plusSeconds(60)
				+ "&to=" + now, null)))
			.containsExactly("to: must be after from");
		assertThat(fields(api.get("/v1/slots?merchantId=" + merchant.id() + point + "&from=" + now + "&to="
				+ now.plus(32, ChronoUnit.DAYS), null)))
			.containsExactly("to: must be at most 31 days after from");
	}

	private static List<String> fields(Api.Response response) {
		assertThat(response.status()).as(response.body().toString()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		return response.body().get("errors").valueStream()
			.map(e -> e.get("field").asString() + ": " + e.get("message").asString())
			.toList();
	}
}
