package com.returnit.flags.internal.domain;

/** What a flag answered for one target, and why (the reasons are OpenFeature's). */
public record Resolution(boolean value, String variant, Reason reason) {

	public enum Reason {
		DISABLED, TARGETING_MATCH, SPLIT, DEFAULT
	}

	static Resolution on(Reason reason) {
		return new Resolution(true, "on", reason);
	}

	static Resolution off(Reason reason) {
		return new Resolution(false, "off", reason);
	}
}
