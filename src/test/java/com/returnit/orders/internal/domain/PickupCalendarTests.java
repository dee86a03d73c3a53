package com.returnit.orders.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PickupCalendarTests {

	@Test
	void textValuesEscapeBackslashSemicolonCommaAndLineBreaks() {
		assertThat(PickupCalendar.escape("Hof 3; Aufgang B, Berlin\\Mitte\nrear\r\ngate"))
			.isEqualTo("Hof 3\\; Aufgang B\\, Berlin\\\\Mitte\\nrear\\ngate");
	}

	@Test
	void aLineOfSeventyFiveOctetsStaysWhole() {
		String line = "X".repeat(75);

		assertThat(PickupCalendar.fold(line)).isEqualTo(line);
	}

	@Test
	void longerLinesAreFoldedIntoLinesOfAtMostSeventyFiveOctetsNeverInsideACharacter() {
		String line = "LOCATION:" + "Müllerstraße ".repeat(12) + "€";

		String folded = PickupCalendar.fold(line);

		String[] lines = folded.split("\r\n", -1);
		assertThat(lines.length).isGreaterThan(2);
		assertThat(Arrays.stream(lines).mapToInt(l -> l.getBytes(StandardCharsets.UTF_8).length)).allMatch(n -> n <= 75);
		assertThat(Arrays.stream(lines).skip(1)).allMatch(l -> l.startsWith(" "));
		assertThat(folded.replace("\r\n ", "")).as("unfolding gives the line back").isEqualTo(line);
	}

	@Test
	void theEventHasItsTimesInUtcAndEveryLineEndsWithCrLf() {
		String ics = PickupCalendar.render(new PickupCalendar.Event("0193-abc@returnit",
				Instant.parse("2030-01-01T08:00:00.123Z"), Instant.parse("2030-01-07T10:00:00Z"),
				Instant.parse("2030-01-07T12:00:00Z"), "Return pickup: 1 item(s) for Shop", "Torstrasse 1", "Order x",
				false, 2));

		assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VEVENT\r\nEND:VCALENDAR\r\n")
			.contains("\r\nDTSTAMP:20300101T080000Z\r\n", "\r\nDTSTART:20300107T100000Z\r\n",
					"\r\nDTEND:20300107T120000Z\r\n", "\r\nUID:0193-abc@returnit\r\n", "\r\nSTATUS:CONFIRMED\r\n",
					"\r\nSEQUENCE:2\r\n");
		assertThat(ics.replace("\r\n", "")).doesNotContain("\n", "\r");
	}
}
