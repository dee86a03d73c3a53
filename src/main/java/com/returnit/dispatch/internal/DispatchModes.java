package com.returnit.dispatch.internal;

import com.returnit.flags.FlagTarget;
import com.returnit.flags.Flags;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The dispatch mode of each service area (ADR 0042): the flag {@value #FLAG}, evaluated with the area as the targeting
 * key, turns batched dispatch on for the areas it selects (by area list or rollout percentage) and leaves offers
 * for the rest. Without the flag every area follows {@code returnit.dispatch.mode}.
 */
@Component
class DispatchModes {

	static final String FLAG = "dispatch.batched";

	/** Stands for "outside every service area" where a set of area ids is needed. */
	static final UUID NO_AREA = new UUID(0, 0);

	private final Flags flags;
	private final DispatchProperties properties;

	DispatchModes(Flags flags, DispatchProperties properties) {
		this.flags = flags;
		this.properties = properties;
	}

	/** The mode of one area; a job outside every area is evaluated with no targeting key. */
	DispatchMode modeFor(@Nullable UUID areaId) {
		FlagTarget target = areaId == null || NO_AREA.equals(areaId) ? FlagTarget.anonymous()
				: FlagTarget.serviceArea(areaId);
		return flags.isOn(FLAG, target, properties.mode() == DispatchMode.BATCHED) ? DispatchMode.BATCHED
				: DispatchMode.GREEDY;
	}

	/** Those of these areas that dispatch in this mode. */
	Set<UUID> areasIn(DispatchMode mode, Set<UUID> areas) {
		return areas.stream().filter(area -> modeFor(area) == mode).collect(Collectors.toUnmodifiableSet());
	}
}
