package com.returnit.slots;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.Api;
import com.returnit.support.Fixtures;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * Service areas of their own for slot tests: each a small square far (more than the 30 km dispatch radius) from
 * every other and from Berlin, where the other tests book, so that schedules set here change nothing for them.
 */
final class SlotFixtures {

	/** A service area and the point in its middle. */
	record Area(String id, double lat, double lng) {
	}

	private static final AtomicInteger AREAS = new AtomicInteger();

	private final Api api;
	private final Fixtures fixtures;

	SlotFixtures(Api api, Fixtures fixtures) {
		this.api = api;
		this.fixtures = fixtures;
	}

	Area area(String name) {
		double lat = 44.0 + 0.4 * AREAS.getAndIncrement();
		double lng = 6.0;
		Api.Response created = api.post("/v1/service-areas", fixtures.operatorToken(), Map.of("name", name,
				"polygon", List.of(List.of(lat - 0.05, lng - 0.05), List.of(lat - 0.05, lng + 0.05),
						List.of(lat + 0.05, lng + 0.05), List.of(lat + 0.05, lng - 0.05))));
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		return new Area(created.text("id"), lat, lng);
	}

	/** Every day the same hours. */
	static Map<String, Object> schedule(String timeZone, int windowMinutes, int capacity, int leadMinutes,
			String opens, String closes) {
		return Map.of("timeZone", timeZone, "windowMinutes", windowMinutes, "capacityPerWindow", capacity,
				"leadMinutes", leadMinutes, "days", Arrays.stream(DayOfWeek.values())
					.map(day -> Map.of("day", day.name().toLowerCase(Locale.ROOT), "opens", opens, "closes", closes))
					.toList());
	}

	/**
	 * Open for one 60-minute window only, starting about ten minutes from now: near enough that dispatch offers it
	 * at once. In a time zone where that is daytime, so that the window never runs past midnight.
	 */
	static Map<String, Object> oneWindowSoon(int capacity) {
		Instant start = Instant.now().plus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);
		String zone = start.atZone(ZoneId.of("UTC")).getHour() < 18 && start.atZone(ZoneId.of("UTC")).getHour() >= 6
				? "UTC" : "Etc/GMT-12";
		ZonedDateTime local = start.atZone(ZoneId.of(zone));
		LocalTime opens = local.toLocalTime();
		return Map.of("timeZone", zone, "windowMinutes", 60, "capacityPerWindow", capacity, "leadMinutes", 0,
				"days", List.of(Map.of("day", local.getDayOfWeek().name().toLowerCase(Locale.ROOT),
						"opens", opens.toString(), "closes", opens.plusHours(1).toString())));
	}

	void schedule(Area area, Map<String, Object> schedule) {
		Api.Response put = api.put("/v1/service-areas/" + area.id() + "/schedule", fixtures.operatorToken(), schedule);
		assertThat(put.status()).as(put.body().toString()).isEqualTo(200);
	}

	Api.Response slots(Area area, String merchantId, String token) {
		return api.get("/v1/slots?merchantId=" + merchantId + "&lat=" + area.lat() + "&lng=" + area.lng(), token);
	}

	/** The listed window starting at this instant. */
	JsonNode slot(Area area, String merchantId, String start) {
		Api.Response listed = slots(area, merchantId, null);
		assertThat(listed.status()).as(listed.body().toString()).isEqualTo(200);
		return listed.body().get("data").valueStream().filter(s -> s.get("start").asString().equals(start))
			.findFirst().orElseThrow(() -> new AssertionError("no window at " + start + " in " + listed.body()));
	}

	/** The standard eligible request, picked up in the area in this window. */
	static Map<String, Object> request(String merchantId, Area area, String start, String end) {
		var request = new HashMap<>(Fixtures.request(merchantId));
		request.put("pickup", Map.of("address", "Grand-Rue 1", "lat", area.lat(), "lng", area.lng()));
		request.put("window", Map.of("start", start, "end", end));
		return request;
	}

	static Map<String, Object> request(String merchantId, Area area, JsonNode slot) {
		return request(merchantId, area, slot.get("start").asString(), slot.get("end").asString());
	}
}
