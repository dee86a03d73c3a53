package com.returnit.notifications.internal.domain;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message template with {@code {{name}}} placeholders. An email template's first line is {@code Subject: ...}.
 * A placeholder without a value is an error, so that no customer ever reads "{{trackingUrl}}".
 */
public record Template(String name, String text) {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z]+)}}");

	/** A rendered message; {@code subject} is null for SMS. */
	public record Rendered(String subject, String body) {
	}

	public Rendered render(Map<String, String> values, boolean withSubject) {
		Matcher matcher = PLACEHOLDER.matcher(text);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String value = values.get(matcher.group(1));
			if (value == null) {
				throw new IllegalArgumentException("template " + name + " needs a value for " + matcher.group(1));
			}
			matcher.appendReplacement(out, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(out);
		String rendered = out.toString().strip();
		if (!withSubject) {
			return new Rendered(null, rendered);
		}
		int newline = rendered.indexOf('\n');
		if (!rendered.startsWith("Subject:") || newline < 0) {
			throw new IllegalArgumentException("email template " + name + " must start with a Subject: line");
		}
		return new Rendered(rendered.substring("Subject:".length(), newline).strip(), rendered.substring(newline + 1).strip());
	}
}
