package com.returnit.flags.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Feature flags, under {@code returnit.flags}.
 *
 * @param refreshInterval how often each node asks whether any flag changed (and reloads them all when one did); a
 *        change reaches every node within this interval plus one reload (default 2 s; keep it under 5 s)
 */
@ConfigurationProperties("returnit.flags")
record FlagsProperties(Duration refreshInterval) {

	FlagsProperties {
		refreshInterval = refreshInterval == null ? Duration.ofSeconds(2) : refreshInterval;
	}
}
