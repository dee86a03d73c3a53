package com.returnit.orders.internal.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * A pickup as an iCalendar file (RFC 5545): one VCALENDAR with one VEVENT, times in UTC, text values escaped
 * (backslash, semicolon, comma, newline) and every line longer than 75 octets folded (CRLF and a space), never inside
 * a UTF-8 character.
 */
public final class PickupCalendar {

	/** One pickup; {@code uid} stays the same for the order, {@code sequence} grows with every change to it. */
	public record Event(String uid, Instant stamp, Instant start, Instant end, String summary, String location,
			String description, boolean cancelled, int sequence) {
	}

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);
	private static final int MAX_OCTETS = 75;

	private PickupCalendar() {
	}

	public static String render(Event event) {
		StringBuilder out = new StringBuilder();
		line(out, "BEGIN:VCALENDAR");
		line(out, "VERSION:2.0");
		line(out, "PRODID:-//ReturnIt//Return pickups//EN");
		line(out, "CALSCALE:GREGORIAN");
		line(out, "METHOD:PUBLISH");
		line(out, "BEGIN:VEVENT");
		line(out, "UID:" + event.uid());
		line(out, "DTSTAMP:" + time(event.stamp()));
		line(out, "DTSTART:" + time(event.start()));
		line(out, "DTEND:" + time(event.end()));
		line(out, "SEQUENCE:" + event.sequence());
		line(out, "STATUS:" + (event.cancelled() ? "CANCELLED" : "CONFIRMED"));
		line(out, "SUMMARY:" + escape(event.summary()));
		line(out, "LOCATION:" + escape(event.location()));
		line(out, "DESCRIPTION:" + escape(event.description()));
		line(out, "END:VEVENT");
		line(out, "END:VCALENDAR");
		return out.toString();
	}

	/** A TEXT value: backslash, semicolon and comma escaped with a backslash, line breaks written as {@code \n}. */
	public static String escape(String text) {
		return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
			.replace("\r", "\\n").replace("\n", "\\n");
	}

	/** The content line folded into lines of at most 75 octets, each continuation starting with one space. */
	public static String fold(String line) {
		StringBuilder out = new StringBuilder();
		int octets = 0;
		for (int i = 0; i < line.length();) {
			int codePoint = line.codePointAt(i);
			String character = new String(Character.toChars(codePoint));
			int size = character.getBytes(StandardCharsets.UTF_8).length;
			if (octets + size > MAX_OCTETS) {
				out.append("\r\n ");
				octets = 1;
			}
			out.append(character);
			octets += size;
			i += Character.charCount(codePoint);
		}
		return out.toString();
	}

	private static void line(StringBuilder out, String content) {
		out.append(fold(content)).append("\r\n");
	}

	private static String time(Instant instant) {
		return UTC.format(instant.truncatedTo(ChronoUnit.SECONDS));
	}
}
