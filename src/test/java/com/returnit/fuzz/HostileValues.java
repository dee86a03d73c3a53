package com.returnit.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * The values an attacker or a careless client sends, as jqwik arbitraries: strings with NUL characters and lone
 * surrogates, huge and odd strings, numbers JSON cannot or Java will not hold, times far outside any calendar, odd
 * percent-encodings. Drawn with a caller's {@link Random}, so a seed replays them.
 */
final class HostileValues {

	private static final int GEN_SIZE = 1000;

	private HostileValues() {
	}

	static <T> T draw(Arbitrary<T> arbitrary, Random random) {
		return arbitrary.generator(GEN_SIZE, true).next(random).value();
	}

	/** Text as a Java string (encoded later as JSON, a query value or a path segment). */
	static Arbitrary<String> text() {
		return Arbitraries.frequencyOf(
				Tuple.of(3, Arbitraries.of("a\u0000b", "\u0000", "name\u0000", "\uD800", "x\uDC00y", "\uDBFF",
						"ok\uD83D", "\uDE00tail")),
				Tuple.of(2, Arbitraries.of(256, 1_001, 10_000, 100_000).map("x"::repeat)),
				Tuple.of(2, Arbitraries.strings().all().ofMaxLength(40)),
				Tuple.of(2, Arbitraries.of("' OR 1=1 --", "../../etc/passwd", "<script>alert(1)</script>",
						"${jndi:ldap://127.0.0.1/x}", "%s%s%n", "\u202Eevil", "😀", " ", "", "\r\n", "\t", "null",
						"00000000-0000-0000-0000-000000000000", "not-a-uuid", "NaN", "Infinity", "-1", "1e400",
						"+999999999-12-31T23:59:59Z", "tok_visa", "\\", "\"", "\u00ff\u00fe")),
				Tuple.of(1, times()));
	}

	/** Times and dates far outside the calendar the service keeps, and some that do not exist. */
	static Arbitrary<String> times() {
		return Arbitraries.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "+300000-01-01T00:00:00Z",
				"-5000-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "+10000-01-01T00:00:00Z",
				"2026-02-30T10:00:00Z", "2026-13-01T00:00:00Z", "2026-12-08T25:61:00Z", "2026-12-08T10:00:00+25:00",
				"+999999999-12", "-999999999-01", "+300000-06", "0000-00", "2026-13", "+999999999-12-31",
				"-5000-01-01", "0001-01-01", "9999-12-31", "2026-12-08", "99999999999999999", "-99999999999999",
				"9999999999999999", "1e400", "2026-12-08T10:00:00");
	}

	/** A JSON value in raw text: what a body's field is replaced with. */
	static Arbitrary<String> jsonValue() {
		return Arbitraries.frequencyOf(
				Tuple.of(4, text().map(HostileValues::jsonString)),
				Tuple.of(3, Arbitraries.of("1e400", "-1e400", "NaN", "Infinity", "-Infinity", "-0", "0",
						"9223372036854775808", "-9223372036854775809", "1.7976931348623157e309", "1e-400", "0x10",
						"01", "2147483648", "-2147483649", "1.5", "-1", "99999999999999999999999999999",
						"\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"1e400\"", "4.9e-324")),
				Tuple.of(2, times().map(HostileValues::jsonString)),
				Tuple.of(2, Arbitraries.of("null", "true", "false", "[]", "{}", "[null]", "{\"a\":1}", "\"\"", "[[]]",
						"[\"x\",1,null]", "{\"\\u0000\":1}")),
				Tuple.of(1, Arbitraries.integers().map(String::valueOf)),
				Tuple.of(1, Arbitraries.of(100, 600, 5_000).map(depth -> "[".repeat(depth) + "]".repeat(depth))),
				Tuple.of(1, Arbitraries.of(1_000, 20_000).map(n -> "[" + "1,".repeat(n) + "1]")));
	}

	/** A query parameter's value, already percent-encoded (or broken on purpose). */
	static Arbitrary<String> queryValue() {
		return Arbitraries.frequencyOf(
				Tuple.of(4, text().map(HostileValues::percentEncoded)),
				Tuple.of(3, Arbitraries.of("%ff", "%", "%z", "%zz", "%00", "%c0%80", "%ed%a0%80", "%e2%82", "%fe%ff",
						"a%", "%%", "+", "%2B999999999-12-31T23:59:59Z", "-1", "0", "1e9", "99999999999999999999",
						"2147483648", "NaN", "", "true", "[]", "%5B%5D")),
				Tuple.of(2, times().map(HostileValues::percentEncoded)));
	}

	/** A path segment: ids that are not ids, broken encodings, and now and then a very long one. */
	static Arbitrary<String> pathSegment() {
		return Arbitraries.frequencyOf(
				Tuple.of(3, text().map(HostileValues::percentEncoded)),
				Tuple.of(3, Arbitraries.of("not-a-uuid", "%00", "%ff", "%2e%2e", "%2F", "..", "00000000-0000-0000-0000-000000000000",
						"ffffffff-ffff-ffff-ffff-ffffffffffff", "01a24ec0-6ea2-7ea5-b998-dfaeace846c6", "null", "-1",
						"%ed%a0%80", "%c0%80", "x".repeat(5_000), "+999999999-12", "0000-00", "9999-12", "2026-13",
						"%2B999999999-12", "-999999999-01", "2026-12")),
				Tuple.of(1, Arbitraries.randomValue(r -> new java.util.UUID(r.nextLong(), r.nextLong()).toString())));
	}

	/** Authorization headers that are not what they seem. */
	static Arbitrary<String> authorization(String valid) {
		return Arbitraries.of("Bearer", "Bearer ", "Bearer x.y.z", "Bearer " + "a".repeat(10_000), "Basic Zm9vOmJhcg==",
				"Bearer rk_live_bogus", "Bearer rk_", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.",
				"bearer " + valid.replace("Bearer ", ""), valid + "x", valid.replace("Bearer ", "Bearer  "),
				"Bearer \u00e9t\u00e9", "Negotiate abc", "Bearer \u0001", valid + ", " + valid);
	}

	static Arbitrary<String> contentType() {
		return Arbitraries.of("*/*", "application/*", "text/plain", "application/xml", "application/json; charset=ISO-8859-1",
				"application/json; charset=nonsense", "application/json; charset=utf-16", "multipart/form-data",
				"application/x-www-form-urlencoded", "garbage", "application/json;;;", "application/json; charset=\"",
				"application/merge-patch+json", "application/problem+json", "", "text/*", "application/octet-stream",
				"application/x-www-form-urlencoded; charset=UTF-8", "multipart/form-data; boundary=xyz",
				"multipart/mixed; boundary=\"\"");
	}

	static Arbitrary<String> accept() {
		return Arbitraries.of("text/plain", "application/xml", "*/*", "application/json;q=0", "garbage", "text/csv",
				"image/png", "application/json", "text/html");
	}

	static String jsonString(String text) {
		StringBuilder out = new StringBuilder(text.length() + 2).append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c < 0x20 || c > 0x7e) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.append('"').toString();
	}

	/**
	 * Percent-encodes UTF-8, except that a lone surrogate goes out as the three bytes a careless encoder makes of it
	 * (CESU-style, e.g. %ED%A0%80), which is not UTF-8: what a server must refuse, not store.
	 */
	static String percentEncoded(String text) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
					&& Character.isLowSurrogate(text.charAt(i + 1));
			byte[] bytes;
			if (Character.isSurrogate(c) && !paired) {
				bytes = new byte[] { (byte) (0xE0 | c >> 12), (byte) (0x80 | c >> 6 & 0x3F), (byte) (0x80 | c & 0x3F) };
			}
			else {
				bytes = (paired ? text.substring(i, i + 2) : String.valueOf(c)).getBytes(StandardCharsets.UTF_8);
				if (paired) {
					i++;
				}
			}
			for (byte b : bytes) {
				int u = b & 0xff;
				if (u >= 'a' && u <= 'z' || u >= 'A' && u <= 'Z' || u >= '0' && u <= '9' || u == '-' || u == '_'
						|| u == '.' || u == '~') {
					out.append((char) u);
				}
				else {
					out.append('%').append(String.format("%02X", u));
				}
			}
		}
		return out.toString();
	}
}
