package com.returnit.inputs.internal;

import com.returnit.platform.FieldError;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Finds the first string in a JSON document, key or value, that breaks {@link TextRules}, and names it by its path as a
 * client wrote it ({@code items[2].description}). One streaming pass, no objects built. A document that is not JSON
 * is not this class's business: the scan stops and the handler's own parse reports it.
 */
final class JsonStrings {

	private static final JsonFactory FACTORY = new JsonFactory();

	private JsonStrings() {
	}

	static @Nullable FieldError problem(byte[] json) {
		try (JsonParser parser = FACTORY.createParser(json)) {
			for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
				if (token == JsonToken.PROPERTY_NAME) {
					String problem = TextRules.problem(parser.currentName());
					if (problem != null) {
						return new FieldError(pathOf(parser.streamReadContext().getParent()),
								"has a property name that " + problem);
					}
				}
				else if (token == JsonToken.VALUE_STRING) {
					String problem = TextRules.problem(parser.getString());
					if (problem != null) {
						return new FieldError(pathOf(parser.streamReadContext()), problem);
					}
				}
			}
			return null;
		}
		catch (JacksonException e) {
			return null;
		}
	}

	private static String pathOf(@Nullable TokenStreamContext context) {
		StringBuilder path = new StringBuilder();
		append(path, context);
		return path.isEmpty() ? "body" : path.toString();
	}

	private static void append(StringBuilder path, @Nullable TokenStreamContext context) {
		if (context == null || context.inRoot()) {
			return;
		}
		append(path, context.getParent());
		if (context.inObject() && context.currentName() != null) {
			if (!path.isEmpty()) {
				path.append('.');
			}
			path.append(context.currentName());
		}
		else if (context.inArray()) {
			path.append('[').append(Math.max(0, context.getCurrentIndex())).append(']');
		}
	}
}
