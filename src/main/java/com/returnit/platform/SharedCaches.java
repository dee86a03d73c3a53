package com.returnit.platform;

/**
 * Creates the shared caches and receives their invalidations. Invalidations travel on the live fan-out's channel
 * {@link #CHANNEL} (PostgreSQL NOTIFY, or Redis pub/sub when configured); whoever listens there (tracking's fan-out
 * listener, one connection per node) hands each message to {@link #received} and calls {@link #missedMessages} when
 * it (re)connects.
 */
public interface SharedCaches {

	/** The fan-out channel of cache invalidations, one {@code cache/key} message per invalidated key. */
	String CHANNEL = "returnit_cache_invalidations";

	/** The cache of this name (one per name and node), holding values of this type (stored as JSON in Redis). */
	<V> SharedCache<V> cache(String name, Class<V> type);

	/** An invalidation heard on {@link #CHANNEL}, from any node including this one. */
	void received(String message);

	/** The listener was disconnected and may have missed invalidations: every node-local entry is dropped. */
	void missedMessages();
}
