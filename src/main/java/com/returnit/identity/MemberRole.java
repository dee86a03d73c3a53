package com.returnit.identity;

import java.util.Locale;

/**
 * What a member of a merchant's staff may do (ADR 0044): an admin everything the merchant's API key may, and manage
 * members; support reads orders, cancels on a customer's behalf and manages return links, nothing else.
 */
public enum MemberRole {
	ADMIN, SUPPORT;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The role named by {@code code} ({@code admin} or {@code support}, any case); empty for anything else. */
	public static java.util.Optional<MemberRole> of(String code) {
		for (MemberRole role : values()) {
			if (role.code().equalsIgnoreCase(code.trim())) {
				return java.util.Optional.of(role);
			}
		}
		return java.util.Optional.empty();
	}
}
