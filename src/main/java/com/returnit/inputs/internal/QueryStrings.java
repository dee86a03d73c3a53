package com.returnit.inputs.internal;

import com.returnit.platform.FieldError;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Decodes a raw query string as strictly as the API wants it, before the servlet container does: each name and value
 * percent-encoded UTF-8, no NUL. The container would otherwise fail on the first parameter read, deep in a handler.
 */
final class QueryStrings {

	/** The container's own limit on parameters per request (Tomcat's maxParameterCount). */
	static final int MAX_PARAMETERS = 1000;

	private QueryStrings() {
	}

	static @Nullable FieldError problem(@Nullable String query) {
		if (query == null || query.isEmpty()) {
			return null;
		}
		String[] pairs = query.split("&", -1);
		if (pairs.length > MAX_PARAMETERS) {
			return new FieldError("query", "has more than " + MAX_PARAMETERS + " parameters");
		}
		for (String pair : pairs) {
			int equals = pair.indexOf('=');
			String rawName = equals < 0 ? pair : pair.substring(0, equals);
			if (rawName.isEmpty() && equals >= 0) {
				return new FieldError("query", "has a parameter with no name ('" + abbreviated(pair) + "')");
			}
			String name = decode(rawName);
			String label = name == null ? "query" : name;
			if (name == null) {
				return new FieldError("query", "has a parameter name that is not percent-encoded UTF-8");
			}
			String nameProblem = TextRules.problem(name);
			if (nameProblem != null) {
				return new FieldError("query", "has a parameter name that " + nameProblem);
			}
			if (equals >= 0) {
				String value = decode(pair.substring(equals + 1));
				if (value == null) {
					return new FieldError(label, "is not percent-encoded UTF-8");
				}
				String problem = TextRules.problem(value);
				if (problem != null) {
					return new FieldError(label, problem);
				}
			}
		}
		return null;
	}

	private static String abbreviated(String text) {
		return text.length() > 40 ? text.substring(0, 40) + "…" : text;
	}

	/** The decoded text, or null when the percent-encoding or the UTF-8 under it is broken. */
	private static @Nullable String decode(String raw) {
		if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0) {
			return raw;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c == '+') {
				bytes.write(' ');
			}
			else if (c == '%') {
				if (i + 2 >= raw.length()) {
					return null;
				}
				int high = Character.digit(raw.charAt(i + 1), 16);
				int low = Character.digit(raw.charAt(i + 2), 16);
				if (high < 0 || low < 0) {
					return null;
				}
				bytes.write(high << 4 | low);
				i += 2;
			}
			else if (c > 0x7f) {
				bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
			}
			else {
				bytes.write(c);
			}
		}
		try {
			return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
		}
		catch (CharacterCodingException e) {
			return null;
		}
	}
}
