package com.returnit.platform.internal.ratelimit;

import io.github.bucket4j.ConsumptionProbe;

/**
 * Where the token buckets live, shared by every node: PostgreSQL ({@link PostgresBucketStore}) unless
 * {@code returnit.redis.url} is set, then Redis ({@link RedisBucketStore}) with PostgreSQL whenever Redis fails
 * ({@link FallbackBucketStore}, ADR 0021).
 */
interface BucketStore {

	/** Takes one token from the bucket {@code key} of this tier, creating the bucket full when it is new. */
	ConsumptionProbe tryConsume(String key, Tier tier);
}
