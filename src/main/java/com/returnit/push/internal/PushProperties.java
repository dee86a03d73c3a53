package com.returnit.push.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code returnit.push.*}.
 *
 * @param vapid the VAPID key pair and contact; keys left empty are generated once and kept in the database
 * @param allowedHosts push-service hosts a subscription may name (a host matches itself and its subdomains)
 * @param allowLocalHttp also accept {@code http://127.0.0.1:<port>/...} endpoints: tests and the demo only
 * @param ttl how long the push service may hold a message for an offline browser (an offer lasts 30 s)
 * @param maxAttempts attempts per message before it is recorded as failed (404/410 end it at once)
 */
@ConfigurationProperties("returnit.push")
record PushProperties(boolean enabled, Vapid vapid, List<String> allowedHosts, boolean allowLocalHttp, Duration ttl,
		Duration timeout, Duration connectTimeout, Duration pollInterval, int batchSize, int maxConcurrency,
		int maxAttempts, Duration backoff, Duration lease, int maxSubscriptionsPerDriver, Duration keepSent) {

	record Vapid(@Nullable String publicKey, @Nullable String privateKey, String subject) {
	}

	boolean hostAllowed(String host) {
		String lower = host.toLowerCase(Locale.ROOT);
		return allowedHosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty())
			.anyMatch(h -> lower.equals(h) || lower.endsWith("." + h));
	}
}
