package com.returnit.platform.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A node's cache never serves a value loaded before an invalidation it has received. */
class LayeredCacheTests {

	private final AtomicReference<String> database = new AtomicReference<>("version 1");
	private final AtomicInteger loads = new AtomicInteger();
	private final LayeredCache<String> cache = new LayeredCache<>("policies", String.class,
			new CacheProperties(Duration.ofSeconds(30), 100), null, null);

	@Test
	void aValueIsLoadedOnceAndThenServedFromTheNode() {
		assertThat(cache.get("merchant", this::load)).isEqualTo("version 1");
		assertThat(cache.get("merchant", this::load)).isEqualTo("version 1");

		assertThat(loads).hasValue(1);
	}

	@Test
	void afterAnInvalidationTheNextReadLoadsTheChange() {
		cache.get("merchant", this::load);
		database.set("version 2");

		cache.evict("merchant", false);

		assertThat(cache.get("merchant", this::load)).isEqualTo("version 2");
	}

	@Test
	void aLoadThatReadTheOldValueBeforeTheInvalidationArrivedIsNeverServed() throws Exception {
		CountDownLatch loading = new CountDownLatch(1);
		CountDownLatch changed = new CountDownLatch(1);
		CompletableFuture<String> slowReader = CompletableFuture.supplyAsync(() -> cache.get("merchant", key -> {
			String read = load(key);
			if (loads.get() == 1) {
				loading.countDown();
				await(changed); // the change commits and its invalidation arrives while this load is in flight
			}
			return read;
		}));
		loading.await(5, TimeUnit.SECONDS);
		database.set("version 2");
		Thread.ofVirtual().start(() -> cache.evict("merchant", false));
		Thread.sleep(50);
		changed.countDown();

		assertThat(slowReader.get(5, TimeUnit.SECONDS)).isEqualTo("version 2");
		assertThat(cache.get("merchant", this::load)).isEqualTo("version 2");
	}

	@Test
	void whenInvalidationsMayHaveBeenMissedEveryEntryIsLoadedAgain() {
		cache.get("a", this::load);
		cache.get("b", this::load);
		database.set("version 2");

		cache.evictAll();

		assertThat(cache.get("a", this::load)).isEqualTo("version 2");
		assertThat(cache.get("b", this::load)).isEqualTo("version 2");
	}

	@Test
	void nothingIsCachedForAnAbsentValue() {
		assertThat(cache.get("nobody", key -> null)).isNull();

		assertThat(cache.get("nobody", this::load)).isEqualTo("version 1");
	}

	private String load(String key) {
		loads.incrementAndGet();
		return database.get();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
