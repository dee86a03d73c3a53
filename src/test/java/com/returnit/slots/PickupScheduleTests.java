package com.returnit.slots;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PickupScheduleTests extends EndToEndTest {

	private SlotFixtures slots;

	@BeforeEach
	void slotFixtures() {
		slots = new SlotFixtures(api, fixtures);
	}

	@Test
	void anOperatorSetsAnAreasScheduleWhichAnyoneLoggedInReadsBackAndTheChangeIsAudited() {
		var area = slots.area("Schedule round trip");
		var body = Map.of("timeZone", "Europe/Berlin", "windowMinutes", 120, "capacityPerWindow", 8, "leadMinutes", 60,
				"days", List.of(Map.of("day", "saturday", "opens", "09:00", "closes", "13:00"),
						Map.of("day", "monday", "opens", "08:00", "closes", "20:00"),
						Map.of("day", "sunday", "opens", "10:00", "closes", "24:00")));

		Api.Response put = api.put("/v1/service-areas/" + area.id() + "/schedule", fixtures.operatorToken(), body);

		assertThat(put.status()).as(put.body().toString()).isEqualTo(200);
		assertThat(put.text("areaId")).isEqualTo(area.id());
		assertThat(put.text("timeZone")).isEqualTo("Europe/Berlin");
		assertThat(put.body().get("windowMinutes").asInt()).isEqualTo(120);
		assertThat(put.body().get("capacityPerWindow").asInt()).isEqualTo(8);
		assertThat(put.body().get("leadMinutes").asInt()).isEqualTo(60);
		assertThat(put.body().get("days")).extracting(d -> d.get("day").asString() + " " + d.get("opens").asString()
				+ "-" + d.get("closes").asString())
			.containsExactly("monday 08:00-20:00", "saturday 09:00-13:00", "sunday 10:00-24:00");

		Api.Response read = api.get("/v1/service-areas/" + area.id() + "/schedule", fixtures.customer().token());
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.body()).isEqualTo(put.body());

		JsonNode audited = api.get("/v1/audit-events?action=service_area.schedule_changed&targetId=" + area.id(),
				fixtures.operatorToken()).body().get("data");
		assertThat(audited).hasSize(1);
		assertThat(audited.get(0).get("actor").asString()).startsWith("operator:");
		assertThat(audited.get(0).get("detail").get("capacityPerWindow").asInt()).isEqualTo(8);
		assertThat(audited.get(0).get("detail").get("days").asString())
			.isEqualTo("monday 08:00-20:00, saturday 09:00-13:00, sunday 10:00-24:00");
	}

	@Test
	void aNewScheduleReplacesTheOldOne() {
		var area = slots.area("Schedule replaced");
		slots.schedule(area, SlotFixtures.schedule("Europe/Berlin", 120, 8, 60, "08:00", "20:00"));
		slots.schedule(area, SlotFixtures.schedule("Europe/London", 60, 3, 0, "09:00", "17:00"));

		Api.Response read = api.get("/v1/service-areas/" + area.id() + "/schedule", fixtures.customer().token());

		assertThat(read.text("timeZone")).isEqualTo("Europe/London");
		assertThat(read.body().get("capacityPerWindow").asInt()).isEqualTo(3);
		assertThat(read.body().get("days")).hasSize(7)
			.allSatisfy(day -> assertThat(day.get("opens").asString()).isEqualTo("09:00"));
	}

	@Test
	void everyProblemOfAScheduleIsNamedByItsField() {
		var area = slots.area("Schedule problems");
		var body = Map.of("timeZone", "Mars/Olympus_Mons", "windowMinutes", 20, "capacityPerWindow", 0,
				"leadMinutes", 5000, "days", List.of(
						Map.of("day", "monday", "opens", "08:00", "closes", "20:00"),
						Map.of("day", "Funday", "opens", "8am", "closes", "20:00"),
						Map.of("day", "tuesday", "opens", "12:00", "closes", "11:00"),
						Map.of("day", "monday", "opens", "09:00", "closes", "25:00")));

		Api.Response put = api.put("/v1/service-areas/" + area.id() + "/schedule", fixtures.operatorToken(), body);

		assertThat(put.status()).isEqualTo(400);
		assertThat(put.contentType()).startsWith("application/problem+json");
		assertThat(put.body().get("errors")).extracting(e -> e.get("field").asString() + ": " + e.get("message").asString())
			.containsExactlyInAnyOrder(
					"timeZone: is not a time zone (an IANA name such as Europe/Berlin or UTC)",
					"windowMinutes: must be between 60 and 480 (a booking's window is at least 1 hour)",
					"capacityPerWindow: must be between 1 and 1000",
					"leadMinutes: must be between 0 and 2880",
					"days[1].day: must be one of monday, tuesday, wednesday, thursday, friday, saturday, sunday",
					"days[1].opens: must be a time of day HH:mm, 00:00 to 23:59",
					"days[2].closes: must be after opens",
					"days[3].day: is listed twice: give each day at most once",
					"days[3].closes: must be a time of day HH:mm, 00:00 to 24:00");
		assertThat(api.get("/v1/service-areas/" + area.id() + "/schedule", fixtures.operatorToken()).status())
			.isEqualTo(404);
	}

	@Test
	void missingPartsAndADayTooShortForOneWindowAreNamedToo() {
		var area = slots.area("Schedule gaps");
		String body = """
				{"windowMinutes": 120, "capacityPerWindow": 5,
				 "days": [{"day": "friday", "opens": "08:00", "closes": "09:30"}, null]}""";

		Api.Response put = api.put("/v1/service-areas/" + area.id() + "/schedule", fixtures.operatorToken(), body);

		assertThat(put.status()).isEqualTo(400);
		assertThat(put.body().get("errors")).extracting(e -> e.get("field").asString() + ": " + e.get("message").asString())
			.containsExactlyInAnyOrder("timeZone: must not be null", "leadMinutes: must not be null",
					"days[0].closes: must be at least windowMinutes (120) after opens, or the day has no window",
					"days[1]: must not be null");
	}

	@Test
	void onlyOperatorsSetSchedules() {
		var area = slots.area("Schedule forbidden");
		var body = SlotFixtures.schedule("Europe/Berlin", 120, 8, 60, "08:00", "20:00");
		for (String token : List.of(fixtures.customer().token(), fixtures.merchant("Schedule Meddler").apiKey(),
				fixtures.driver().token())) {
			Api.Response put = api.put("/v1/service-areas/" + area.id() + "/schedule", token, body);
			assertThat(put.status()).isEqualTo(403);
			assertThat(put.contentType()).startsWith("application/problem+json");
		}
		assertThat(api.put("/v1/service-areas/" + area.id() + "/schedule", null, body).status()).isEqualTo(401);
		assertThat(api.get("/v1/service-areas/" + area.id() + "/schedule", fixtures.operatorToken()).status())
			.isEqualTo(404);
	}

	@Test
	void anUnknownAreaHasNoScheduleToSetOrRead() {
		String unknown = UUID.randomUUID().toString();
		var body = SlotFixtures.schedule("Europe/Berlin", 120, 8, 60, "08:00", "20:00");

		Api.Response put = api.put("/v1/service-areas/" + unknown + "/schedule", fixtures.operatorToken(), body);
		Api.Response get = api.get("/v1/service-areas/" + unknown + "/schedule", fixtures.customer().token());

		assertThat(put.status()).isEqualTo(404);
		assertThat(put.text("detail")).isEqualTo("Service area not found");
		assertThat(get.status()).isEqualTo(404);
		assertThat(api.get("/v1/service-areas/not-a-uuid/schedule", fixtures.operatorToken()).status()).isEqualTo(400);
	}
}
