package com.returnit.platform.internal.ratelimit;

import io.github.bucket4j.ConsumptionProbe;

/**
 * Where the token buckets live, shared by every node. PostgreSQL ({@link PostgresBucketStore}) unless
 * {@code returnit.redis.url} is set, in which case a Redis store (Bucket4j's Lettuce proxy manager) is to take its
 * place; the Redis store is not written yet (ADR 0015).
 */
interface BucketStore {

	/** Takes one token from the bucket {@code key} of this tier, creating the bucket full when it is new. */
	ConsumptionProbe tryConsume(String key, Tier tier);
}
