package com.returnit.platform.internal.cache;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ttl} bounds how long any cached value is served (in a node and in Redis), which is also the staleness bound
 * when an invalidation is lost; {@code maximumSize} bounds each node's entries per cache.
 */
@ConfigurationProperties("returnit.caches")
record CacheProperties(Duration ttl, long maximumSize) {

	CacheProperties {
		ttl = ttl == null ? Duration.ofSeconds(30) : ttl;
		maximumSize = maximumSize > 0 ? maximumSize : 10_000;
	}
}
