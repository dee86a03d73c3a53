package com.returnit.platform.internal.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.returnit.platform.SharedCache;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Caffeine in this node over an optional Redis layer over the loader (the database). Caffeine leaves an invalidation
 * that races with a load of the same key undefined, so every entry remembers when its load started and an entry
 * older than the key's last invalidation is never served: it is dropped and loaded again.
 */
final class LayeredCache<V> implements SharedCache<V> {

	private record Entry<V>(V value, long loadStarted) {
	}

	private final String name;
	private final Class<V> type;
	private final @Nullable RedisLayer shared;
	private final Invalidations invalidations;
	private final Cache<String, Entry<V>> local;
	private final Cache<String, Long> invalidatedAt;
	private final Cache<String, Boolean> staleInRedis;
	private final AtomicLong ticks = new AtomicLong();
	private volatile long allInvalidatedAt;

	LayeredCache(String name, Class<V> type, CacheProperties properties, @Nullable RedisLayer shared,
			Invalidations invalidations) {
		this.name = name;
		this.type = type;
		this.shared = shared;
		this.invalidations = invalidations;
		this.local = Caffeine.newBuilder().maximumSize(properties.maximumSize()).expireAfterWrite(properties.ttl())
			.recordStats().build();
		// an entry loaded before an invalidation expires no later than the invalidation's record
		this.invalidatedAt = Caffeine.newBuilder().expireAfterWrite(properties.ttl()).build();
		// a value Redis could not drop was written before the change, so it is gone one TTL (and a load) later
		this.staleInRedis = Caffeine.newBuilder().expireAfterWrite(properties.ttl().plusSeconds(5)).build();
	}

	Cache<String, ?> local() {
		return local;
	}

	@Override
	public @Nullable V get(String key, Function<String, @Nullable V> loader) {
		for (int attempt = 0; attempt < 3; attempt++) {
			Entry<V> entry = local.get(key, k -> load(k, loader));
			if (entry == null) {
				return null;
			}
			if (!invalidatedSince(key, entry)) {
				return entry.value();
			}
			local.asMap().remove(key, entry);
		}
		// invalidations keep racing with the loads: answer from the database without caching
		return loader.apply(key);
	}

	private @Nullable Entry<V> load(String key, Function<String, @Nullable V> loader) {
		long started = ticks.get();
		V value = shared == null || staleInRedis.getIfPresent(key) != null ? loader.apply(key)
				: shared.get(name, key, type, loader);
		return value == null ? null : new Entry<>(value, started);
	}

	private boolean invalidatedSince(String key, Entry<V> entry) {
		Long at = invalidatedAt.getIfPresent(key);
		return entry.loadStarted() < allInvalidatedAt || (at != null && entry.loadStarted() < at);
	}

	@Override
	public void invalidate(String key) {
		invalidations.publish(name, key);
	}

	/**
	 * An invalidation arrived: this node drops the key. Redis was cleared by the node that published it, unless
	 * {@code notClearedInRedis}: then this node skips Redis for the key until the old value there has expired.
	 */
	void evict(String key, boolean notClearedInRedis) {
		if (notClearedInRedis) {
			staleInRedis.put(key, true);
		}
		invalidatedAt.put(key, ticks.incrementAndGet());
		local.invalidate(key);
	}

	void evictAll() {
		allInvalidatedAt = ticks.incrementAndGet();
		local.invalidateAll();
	}
}
