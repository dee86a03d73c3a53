package com.returnit.flags.internal.domain;

import com.returnit.flags.FlagTarget;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A boolean feature flag and its rules, evaluated in this order (ADR 0042): the kill switch ({@code enabled=false}
 * serves "off" to everyone), then the targeting lists (a target whose role, merchant or service area is listed gets
 * "on"), then the percentage rollout (a target whose bucket lies below the rollout gets "on"), then the default
 * variant.
 *
 * @param rolloutBasisPoints the share of targeting keys that get "on", in hundredths of a percent (0..10000)
 * @param defaultOn the variant of everyone no rule selected: usually off; on once a flag is released to all
 */
public record Flag(String key, String description, boolean enabled, int rolloutBasisPoints, Set<String> roles,
		Set<UUID> merchantIds, Set<UUID> serviceAreaIds, boolean defaultOn, long version, Instant updatedAt) {

	public static final int ALL = 10_000;

	public Flag {
		if (rolloutBasisPoints < 0 || rolloutBasisPoints > ALL) {
			throw new IllegalArgumentException("rollout out of 0..10000: " + rolloutBasisPoints);
		}
		roles = Set.copyOf(roles);
		merchantIds = Set.copyOf(merchantIds);
		serviceAreaIds = Set.copyOf(serviceAreaIds);
	}

	public Resolution evaluate(FlagTarget target) {
		if (!enabled) {
			return Resolution.off(Resolution.Reason.DISABLED);
		}
		if (targeted(target)) {
			return Resolution.on(Resolution.Reason.TARGETING_MATCH);
		}
		if (inRollout(target.targetingKey())) {
			return Resolution.on(Resolution.Reason.SPLIT);
		}
		return defaultOn ? Resolution.on(Resolution.Reason.DEFAULT) : Resolution.off(Resolution.Reason.DEFAULT);
	}

	private boolean targeted(FlagTarget target) {
		return (target.role() != null && roles.contains(target.role()))
				|| (target.merchantId() != null && merchantIds.contains(target.merchantId()))
				|| (target.serviceAreaId() != null && serviceAreaIds.contains(target.serviceAreaId()));
	}

	/** Monotonic: a key in at some percentage is in at every higher one, because its bucket never changes. */
	private boolean inRollout(@Nullable String targetingKey) {
		if (rolloutBasisPoints >= ALL) {
			return true;
		}
		return targetingKey != null && !targetingKey.isEmpty()
				&& Buckets.of(key, targetingKey) < rolloutBasisPoints;
	}
}
