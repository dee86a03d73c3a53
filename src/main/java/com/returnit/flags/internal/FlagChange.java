package com.returnit.flags.internal;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An operator's wanted state of one flag, already validated; {@code expectedVersion} makes the write conditional.
 */
record FlagChange(String key, String description, boolean enabled, int rolloutBasisPoints, Set<String> roles,
		Set<UUID> merchantIds, Set<UUID> serviceAreaIds, boolean defaultOn, @Nullable Long expectedVersion) {
}
