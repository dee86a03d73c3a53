package com.returnit.platform.internal.ratelimit;

import com.returnit.platform.Redis;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Token buckets in Redis through Bucket4j's Lettuce proxy manager (compare-and-swap scripts), keys
 * {@code returnit:ratelimit:<tier>:<caller>}, expiring once refilled. The connection (the shared client's settings:
 * short timeouts, commands refused while disconnected) is opened on first use, so a node may start without Redis.
 */
class RedisBucketStore implements BucketStore {

	private final Redis redis;
	private @Nullable ProxyManager<String> buckets;

	RedisBucketStore(Redis redis) {
		this.redis = redis;
	}

	@Override
	public ConsumptionProbe tryConsume(String key, Tier tier) {
		return buckets().builder()
			.withOptimization(Optimizations.batching())
			.withImplicitConfigurationReplacement(tier.version(), TokensInheritanceStrategy.PROPORTIONALLY)
			.build("returnit:ratelimit:" + key, tier::bucket)
			.tryConsumeAndReturnRemaining(1);
	}

	private synchronized ProxyManager<String> buckets() {
		if (buckets == null) {
			StatefulRedisConnection<String, byte[]> connection = redis.client()
				.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
			buckets = Bucket4jLettuce.casBasedBuilder(connection)
				.expirationAfterWrite(
						ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
				.build();
		}
		return buckets;
	}
}
