package com.returnit.platform.internal.replica;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * A PostgreSQL streaming replica for read-only requests (ADR 0024). Without {@code url} (environment
 * {@code RETURNIT_REPLICA_URL}) everything runs on the primary.
 *
 * @param url jdbc url of the replica
 * @param poolSize connections in the replica's pool
 * @param maxLag a replica further behind than this is skipped: reads go to the primary
 * @param checkEvery how often the replica's reachability and lag are measured
 * @param readYourWrites how long a caller's write position is kept (ADR 0026): until the replica has replayed past it,
 *        but at most this long, the caller's reads go to the primary; keep it well above max-lag + check-every
 * @param connectTimeout the longest a read waits for a replica connection before it goes to the primary
 */
@ConfigurationProperties("returnit.replica")
record ReplicaProperties(@Nullable String url, @Nullable String username, @Nullable String password, int poolSize,
		Duration maxLag, Duration checkEvery, Duration readYourWrites, Duration connectTimeout) {

	ReplicaProperties {
		poolSize = poolSize > 0 ? poolSize : 10;
		maxLag = maxLag == null ? Duration.ofSeconds(1) : maxLag;
		checkEvery = checkEvery == null ? Duration.ofSeconds(1) : checkEvery;
		readYourWrites = readYourWrites == null ? Duration.ofSeconds(30) : readYourWrites;
		connectTimeout = connectTimeout == null ? Duration.ofSeconds(1) : connectTimeout;
	}
}
