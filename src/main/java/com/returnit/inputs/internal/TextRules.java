package com.returnit.inputs.internal;

import org.jspecify.annotations.Nullable;

/**
 * The one rule for every piece of text the API takes: PostgreSQL cannot store a NUL character, and an unpaired UTF-16
 * surrogate is not a character at all (it cannot be encoded as UTF-8, hashed as a password or stored).
 */
final class TextRules {

	private TextRules() {
	}

	/** What is wrong with the text, as the end of "Field 'x' ...", or null when it is acceptable. */
	static @Nullable String problem(CharSequence text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == 0) {
				return "contains a NUL character (\\u0000), which is not allowed";
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
					continue;
				}
				return "contains an unpaired UTF-16 surrogate, which is not a character";
			}
			if (Character.isLowSurrogate(c)) {
				return "contains an unpaired UTF-16 surrogate, which is not a character";
			}
		}
		return null;
	}
}
