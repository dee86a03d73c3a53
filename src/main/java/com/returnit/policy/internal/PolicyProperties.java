package com.returnit.policy.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code returnit.policy}: the platform's late-cancellation terms, for policies that name no fee of their own: a
 * cancellation less than {@code within} before the pickup window costs {@code feeCents}.
 */
@ConfigurationProperties("returnit.policy")
record PolicyProperties(LateCancellation lateCancellation) {

	record LateCancellation(Duration within, long feeCents) {
	}

	PolicyProperties {
		lateCancellation = lateCancellation == null ? new LateCancellation(Duration.ofHours(2), 500) : lateCancellation;
	}
}
