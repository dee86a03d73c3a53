package com.returnit.platform;

import java.util.Map;

/**
 * The resource existed but can no longer be used (an expired or revoked link, a single-use token already spent): 410,
 * with {@code properties} added to the problem so that a client can tell the cases apart.
 */
public class Gone extends RuntimeException {

	private final Map<String, Object> properties;

	public Gone(String detail) {
		this(detail, Map.of());
	}

	public Gone(String detail, Map<String, Object> properties) {
		super(detail);
		this.properties = Map.copyOf(properties);
	}

	public Map<String, Object> properties() {
		return properties;
	}
}
