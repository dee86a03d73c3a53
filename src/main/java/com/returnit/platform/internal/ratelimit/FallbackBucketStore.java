package com.returnit.platform.internal.ratelimit;

import com.returnit.platform.Redis;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Redis while it answers, PostgreSQL otherwise: a failed or slow Redis call (bounded by the Redis timeout) sends this
 * request and the next few seconds' to the PostgreSQL buckets, so limits keep holding across nodes and no caller sees
 * an error; Redis takes over again when it is back (ADR 0021). The two stores count apart: a switch starts the caller
 * on the other store's bucket.
 */
class FallbackBucketStore implements BucketStore {

	private final Redis redis;
	private final BucketStore inRedis;
	private final BucketStore inPostgres;

	FallbackBucketStore(Redis redis, BucketStore inRedis, BucketStore inPostgres) {
		this.redis = redis;
		this.inRedis = inRedis;
		this.inPostgres = inPostgres;
	}

	@Override
	public ConsumptionProbe tryConsume(String key, Tier tier) {
		ConsumptionProbe probe = redis.call(commands -> inRedis.tryConsume(key, tier));
		return probe != null ? probe : inPostgres.tryConsume(key, tier);
	}
}
