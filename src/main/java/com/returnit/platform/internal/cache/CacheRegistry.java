package com.returnit.platform.internal.cache;

import com.returnit.platform.SharedCache;
import com.returnit.platform.SharedCaches;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** The node's shared caches by name, each with Caffeine's statistics as {@code cache_gets_total{cache, result}}. */
final class CacheRegistry implements SharedCaches {

	private final Map<String, LayeredCache<?>> caches = new ConcurrentHashMap<>();
	private final CacheProperties properties;
	private final @Nullable RedisLayer shared;
	private final MeterRegistry meters;
	private final Invalidations invalidations;

	CacheRegistry(CacheProperties properties, @Nullable RedisLayer shared, MeterRegistry meters,
			Function<Consumer<String>, Invalidations> invalidations) {
		this.properties = properties;
		this.shared = shared;
		this.meters = meters;
		this.invalidations = invalidations.apply(this::received);
	}

	@Override
	@SuppressWarnings("unchecked")
	public <V> SharedCache<V> cache(String name, Class<V> type) {
		if (!name.matches("[a-z0-9-]+")) {
			throw new IllegalArgumentException("A cache is named in lower-case letters, digits and '-': " + name);
		}
		return (SharedCache<V>) caches.computeIfAbsent(name, n -> {
			LayeredCache<V> cache = new LayeredCache<>(n, type, properties, shared, invalidations);
			CaffeineCacheMetrics.monitor(meters, cache.local(), n);
			return cache;
		});
	}

	@Override
	public void received(String message) {
		boolean notClearedInRedis = message.startsWith(Invalidations.NOT_CLEARED_IN_REDIS);
		String invalidation = notClearedInRedis ? message.substring(1) : message;
		int slash = invalidation.indexOf('/');
		LayeredCache<?> cache = slash < 0 ? null : caches.get(invalidation.substring(0, slash));
		if (cache != null) {
			cache.evict(invalidation.substring(slash + 1), notClearedInRedis);
		}
	}

	@Override
	public void missedMessages() {
		caches.values().forEach(LayeredCache::evictAll);
	}
}
