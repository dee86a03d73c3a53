package com.returnit.platform.internal;

import java.util.List;
import tools.jackson.core.JacksonException;

/** Renders Jackson's reference chain as the JSON path a client wrote: {@code items[2].valueCents}. */
final class JsonPaths {

	private JsonPaths() {
	}

	static String of(List<JacksonException.Reference> path) {
		StringBuilder out = new StringBuilder();
		for (JacksonException.Reference ref : path) {
			if (ref.getPropertyName() != null) {
				if (!out.isEmpty()) {
					out.append('.');
				}
				out.append(ref.getPropertyName());
			}
			else if (ref.getIndex() >= 0) {
				out.append('[').append(ref.getIndex()).append(']');
			}
		}
		return out.isEmpty() ? "body" : out.toString();
	}
}
