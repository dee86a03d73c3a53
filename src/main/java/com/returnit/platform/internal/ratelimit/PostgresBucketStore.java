package com.returnit.platform.internal.ratelimit;

import io.github.bucket4j.BucketExceptions;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Token buckets in the {@code rate_limit_buckets} table through Bucket4j's PostgreSQL proxy manager: one
 * {@code SELECT ... FOR UPDATE} and one {@code UPDATE} in a short transaction per request, concurrent requests for the
 * same bucket batched into one. Buckets that refilled completely expire and are swept every minute.
 */
class PostgresBucketStore implements BucketStore {

	private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

	PostgresBucketStore(DataSource dataSource) {
		this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table("rate_limit_buckets")
			.idColumn("id")
			.stateColumn("state")
			.expiresAtColumn("expires_at")
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
			.build();
	}

	/**
	 * A bucket that cannot be read or written is the database failing: Bucket4j wraps the cause (Hikari's
	 * "Connection is closed" carries no SQL state), so it is named here, and the request gets the outage's 503.
	 */
	@Override
	public ConsumptionProbe tryConsume(String key, Tier tier) {
		try {
			return buckets.builder()
				.withOptimization(Optimizations.batching())
				.withImplicitConfigurationReplacement(tier.version(), TokensInheritanceStrategy.PROPORTIONALLY)
				.build(key, tier::bucket)
				.tryConsumeAndReturnRemaining(1);
		}
		catch (BucketExceptions.BucketExecutionException e) {
			throw new DataAccessResourceFailureException("Rate-limit buckets are unavailable", e);
		}
	}

	@Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1M")
	void sweepExpired() {
		while (buckets.removeExpired(1000) >= 1000) {
			// keep sweeping while full batches come back
		}
	}
}
