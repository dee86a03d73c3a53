package com.returnit.dispatch.internal;

import com.returnit.dispatch.internal.domain.Urgency;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How dispatch behaves; every value can be set under {@code returnit.dispatch}.
 *
 * @param mode greedy (default) or batched
 * @param batchInterval in batched mode, how often the waiting orders are paired with drivers
 * @param batchSize in batched mode, the most orders one batch locks and pairs
 * @param urgencyKmPerMinute in batched mode, how many km further a driver may be sent for an order one minute nearer
 *        its window (default 0.2; 0 pairs by distance alone)
 */
@ConfigurationProperties("returnit.dispatch")
record DispatchProperties(Duration leadTime, Duration offerTimeout, int maxMisses, Duration retryWhenNoDriver,
		int candidates, Duration tick, DispatchMode mode, Duration batchInterval, int batchSize,
		double urgencyKmPerMinute) {

	/** Urgency for batched mode: over the lead time, each minute nearer the window is worth this many km. */
	Urgency urgency() {
		return new Urgency(leadTime, urgencyKmPerMinute);
	}

	DispatchProperties {
		leadTime = leadTime == null ? Duration.ofMinutes(45) : leadTime;
		offerTimeout = offerTimeout == null ? Duration.ofSeconds(30) : offerTimeout;
		maxMisses = maxMisses <= 0 ? 5 : maxMisses;
		retryWhenNoDriver = retryWhenNoDriver == null ? Duration.ofSeconds(15) : retryWhenNoDriver;
		candidates = candidates <= 0 ? 20 : candidates;
		tick = tick == null ? Duration.ofSeconds(1) : tick;
		mode = mode == null ? DispatchMode.GREEDY : mode;
		batchInterval = batchInterval == null ? Duration.ofSeconds(5) : batchInterval;
		batchSize = batchSize <= 0 ? 200 : batchSize;
		urgencyKmPerMinute = Math.max(0, urgencyKmPerMinute);
	}
}
