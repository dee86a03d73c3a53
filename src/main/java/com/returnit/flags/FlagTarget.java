package com.returnit.flags;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who or what a flag is evaluated for. {@code targetingKey} places the target in the percentage rollout (the same key
 * always lands in the same bucket); without one only a rollout of 100% includes it. {@code role} is a role code
 * ({@code customer}, {@code driver}, {@code merchant}, {@code operator}).
 */
public record FlagTarget(@Nullable String targetingKey, @Nullable String role, @Nullable UUID merchantId,
		@Nullable UUID serviceAreaId) {

	/** Nothing known: only the kill switch, a 100% rollout and the default variant apply. */
	public static FlagTarget anonymous() {
		return new FlagTarget(null, null, null, null);
	}

	/** A service area, keyed by its id: the rollout and the area rules select whole areas. */
	public static FlagTarget serviceArea(UUID areaId) {
		return new FlagTarget(areaId.toString(), null, null, areaId);
	}
}
