package com.returnit.dispatch.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** How dispatch behaves; every value can be set under {@code returnit.dispatch}. */
@ConfigurationProperties("returnit.dispatch")
record DispatchProperties(Duration leadTime, Duration offerTimeout, int maxMisses, Duration retryWhenNoDriver,
		int candidates, Duration tick) {

	DispatchProperties {
		leadTime = leadTime == null ? Duration.ofMinutes(45) : leadTime;
		offerTimeout = offerTimeout == null ? Duration.ofSeconds(30) : offerTimeout;
		maxMisses = maxMisses <= 0 ? 5 : maxMisses;
		retryWhenNoDriver = retryWhenNoDriver == null ? Duration.ofSeconds(15) : retryWhenNoDriver;
		candidates = candidates <= 0 ? 20 : candidates;
		tick = tick == null ? Duration.ofSeconds(1) : tick;
	}
}
