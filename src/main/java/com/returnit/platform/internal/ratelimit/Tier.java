package com.returnit.platform.internal.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;

/** One class of caller and its budget: {@code limit} requests per {@code window}, refilled continuously. */
record Tier(String name, int limit, Duration window) {

	BucketConfiguration bucket() {
		return BucketConfiguration.builder()
			.addLimit(limit -> limit.capacity(this.limit).refillGreedy(this.limit, window))
			.build();
	}

	/** Changes whenever the configured budget changes, so stored buckets pick up a new configuration. */
	long version() {
		return ((long) limit << 32) ^ window.toSeconds();
	}
}
