package com.returnit.tracking.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a ping's {@code recordedAt}. Phones send UTC in one form, {@code 2026-11-22T16:04:05.123Z}; that form is read
 * with a character loop, because {@code DateTimeFormatter} was a tenth of a location ping's CPU. Any other form
 * (an offset, no seconds, a number) goes to Jackson's own deserializer, so what is accepted or refused is unchanged.
 */
class IsoInstants extends ValueDeserializer<Instant> {

	@Override
	public Instant deserialize(JsonParser parser, DeserializationContext context) {
		if (parser.currentToken() == JsonToken.VALUE_STRING) {
			Instant instant = parse(parser.getString());
			if (instant != null) {
				return instant;
			}
		}
		return context.readValue(parser, Instant.class);
	}

	/** {@code yyyy-MM-ddTHH:mm:ss[.fraction of 1 to 9 digits]Z}, else null. */
	static @Nullable Instant parse(String text) {
		int length = text.length();
		if (length < 20 || length > 30 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
				|| text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z') {
			return null;
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 7);
		int day = digits(text, 8, 10);
		int hour = digits(text, 11, 13);
		int minute = digits(text, 14, 16);
		int second = digits(text, 17, 19);
		int nanos = 0;
		if (length > 20) {
			int fraction = length - 21;
			if (text.charAt(19) != '.' || fraction < 1 || fraction > 9) {
				return null;
			}
			nanos = digits(text, 20, length - 1);
			for (int i = fraction; i < 9 && nanos >= 0; i++) {
				nanos *= 10;
			}
		}
		if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
				|| second > 59 || nanos < 0) {
			return null;
		}
		try {
			long days = LocalDate.of(year, month, day).toEpochDay();
			return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
		}
		catch (DateTimeException e) {
			return null;
		}
	}

	/** The decimal number in {@code text[from, to)}, or -1 when a character is not a digit. */
	private static int digits(String text, int from, int to) {
		int value = 0;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}
}
