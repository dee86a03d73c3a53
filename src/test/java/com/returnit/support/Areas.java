package com.returnit.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Service areas the browser journeys make for themselves, each away from the others' drivers. */
public final class Areas {

	private final Api api;
	private final Fixtures fixtures;

	public Areas(Api api, Fixtures fixtures) {
		this.api = api;
		this.fixtures = fixtures;
	}

	/** A rectangular area, named uniquely; answers its id. */
	public String box(String name, double minLat, double minLng, double maxLat, double maxLng) {
		Api.Response area = api.post("/v1/service-areas", fixtures.operatorToken(), Map.of("name",
				name + " " + System.nanoTime(), "polygon", List.of(List.of(maxLat, minLng), List.of(maxLat, maxLng),
						List.of(minLat, maxLng), List.of(minLat, minLng))));
		assertThat(area.status()).as(area.body().toString()).isEqualTo(201);
		return area.text("id");
	}

	/** The same opening hours every day. */
	public void schedule(String area, String zone, LocalTime opens, LocalTime closes, int windowMinutes, int capacity,
			int leadMinutes) {
		List<Map<String, String>> days = new ArrayList<>();
		for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")) {
			days.add(Map.of("day", day, "opens", opens.toString(), "closes",
					closes.isBefore(opens) ? "24:00" : closes.toString()));
		}
		Api.Response set = api.put("/v1/service-areas/" + area + "/schedule", fixtures.operatorToken(),
				Map.of("timeZone", zone, "windowMinutes", windowMinutes, "capacityPerWindow", capacity, "leadMinutes",
						leadMinutes, "days", days));
		assertThat(set.status()).as(set.body().toString()).isEqualTo(200);
	}

	/**
	 * An area whose first window starts in about ten minutes, with no lead time: inside dispatch's lead time, so an
	 * order booked there is offered at once. Its hours are set in a zone where it is around noon now, so that today's
	 * opening hours hold that window whatever the time of day.
	 */
	public String openingInMinutes(String name, double minLat, double minLng, double maxLat, double maxLng) {
		String area = box(name, minLat, minLng, maxLat, maxLng);
		int offset = 12 - ZonedDateTime.now(ZoneId.of("UTC")).getHour();
		String zone = offset == 0 ? "UTC" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset);
		LocalTime opens = ZonedDateTime.now(ZoneId.of(zone)).toLocalTime().plusMinutes(10)
			.truncatedTo(ChronoUnit.MINUTES);
		schedule(area, zone, opens, opens.plusHours(4), 60, 20, 0);
		return area;
	}
}
