package com.returnit.platform;

import java.util.Map;

/**
 * The request is valid but clashes with the resource's current state: 409, with {@code properties} added to the
 * problem where a client needs more than the detail to act on it.
 */
public class Conflict extends RuntimeException {

	private final Map<String, Object> properties;

	public Conflict(String detail) {
		this(detail, Map.of());
	}

	public Conflict(String detail, Map<String, Object> properties) {
		super(detail);
		this.properties = Map.copyOf(properties);
	}

	public Map<String, Object> properties() {
		return properties;
	}
}
