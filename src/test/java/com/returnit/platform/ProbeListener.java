package com.returnit.platform;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A module event listener for tests of how listeners run: it fails a probe's first {@code failures} runs, as a listener
 * does while its database or provider is away, takes {@code millis} per run, and counts runs and concurrency.
 */
@Component
public class ProbeListener {

	public record Probe(String id, int failures, long millis) {
	}

	private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
	private final Map<String, Boolean> handled = new ConcurrentHashMap<>();
	private final Map<String, String> threads = new ConcurrentHashMap<>();
	private final AtomicInteger running = new AtomicInteger();
	private final AtomicInteger mostAtOnce = new AtomicInteger();

	@ApplicationModuleListener
	void on(Probe probe) throws InterruptedException {
		threads.put(probe.id(), Thread.currentThread().getName());
		int now = running.incrementAndGet();
		mostAtOnce.accumulateAndGet(now, Math::max);
		try {
			Thread.sleep(probe.millis());
			if (runs.computeIfAbsent(probe.id(), id -> new AtomicInteger()).incrementAndGet() <= probe.failures()) {
				throw new IllegalStateException("probe " + probe.id() + " fails on purpose");
			}
			handled.put(probe.id(), true);
		}
		finally {
			running.decrementAndGet();
		}
	}

	public int runs(String id) {
		return runs.getOrDefault(id, new AtomicInteger()).get();
	}

	public boolean handled(String id) {
		return handled.containsKey(id);
	}

	/** The name of the thread that last ran the probe. */
	public String thread(String id) {
		return threads.get(id);
	}

	public int mostAtOnce() {
		return mostAtOnce.get();
	}

	public void resetMostAtOnce() {
		mostAtOnce.set(0);
	}
}
