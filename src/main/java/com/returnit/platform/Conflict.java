package com.returnit.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The request is valid but clashes with the resource's current state: 409. A conflict a client should tell apart
 * from others carries a {@code code}, answered as the problem's {@code code} property; {@code properties} add what
 * a client needs beyond the detail to act on it.
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

	/** A conflict with a {@code code} property (e.g. {@code slot_full}). */
	public static Conflict withCode(String detail, String code) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("code", code);
		return new Conflict(detail, properties);
	}

	public Map<String, Object> properties() {
		return properties;
	}

	public @Nullable String code() {
		return properties.get("code") instanceof String code ? code : null;
	}
}
