package com.returnit.tracking.internal;

import com.returnit.tracking.internal.domain.Ping;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/** The body of {@code POST /v1/drivers/me/locations}. */
record PingsBody(@NotNull List<@NotNull @Valid PingBody> pings) {

	record PingBody(@NotNull Double lat, @NotNull Double lng, @NotNull @JsonDeserialize(using = IsoInstants.class) Instant recordedAt, @Nullable Double accuracyM,
			@Nullable Double speedMps, @Nullable Double headingDeg) {

		Ping toPing() {
			return new Ping(lat, lng, recordedAt, accuracyM, speedMps, headingDeg);
		}

		private boolean complete() {
			return lat != null && lng != null && recordedAt != null;
		}
	}

	/** The pings, or null when a required value is missing: bean validation then names it. */
	@Nullable List<Ping> completePings() {
		if (pings == null) {
			return null;
		}
		List<Ping> complete = new ArrayList<>(pings.size());
		for (PingBody ping : pings) {
			if (ping == null || !ping.complete()) {
				return null;
			}
			complete.add(ping.toPing());
		}
		return complete;
	}
}
