package com.returnit.platform;

import org.jspecify.annotations.Nullable;

/**
 * The request is valid but clashes with the resource's current state: 409. A conflict a client should tell apart
 * from others carries a {@code code}, answered as the problem's {@code code} property.
 */
public class Conflict extends RuntimeException {

	private final @Nullable String code;

	public Conflict(String detail) {
		this(detail, null);
	}

	public Conflict(String detail, @Nullable String code) {
		super(detail);
		this.code = code;
	}

	public @Nullable String code() {
		return code;
	}
}
