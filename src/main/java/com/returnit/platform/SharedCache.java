package com.returnit.platform;

import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A read cache of one kind of value, kept in every node (Caffeine) and, when Redis is configured, shared in Redis
 * (ADR 0021). The database stays the truth: a value is cached for at most {@code returnit.caches.ttl}, and a change
 * made through {@link #invalidate} is seen by every node as soon as the invalidation reaches it.
 */
public interface SharedCache<V> {

	/**
	 * The cached value, or the loader's answer (cached unless {@code null}). Never a value loaded before an
	 * invalidation of this key that this node has received.
	 */
	@Nullable V get(String key, Function<String, @Nullable V> loader);

	/**
	 * Drops the key in every node and in Redis once the caller's transaction commits (at once without one); call it
	 * in the transaction that changes what the key's loader reads.
	 */
	void invalidate(String key);
}
