package com.returnit.webhooks.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls the outbox and hands due deliveries to a bounded pool of virtual threads ({@code max-concurrency}). Claims
 * skip endpoints that are at their per-endpoint limit or have an open circuit, so a hanging endpoint holds at
 * most its own few slots and never the pool. Stateless: every node runs one, sharing work through the database.
 */
@Component
class DeliveryWorker implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

	private final DeliveryRepository deliveries;
	private final Deliverer deliverer;
	private final EndpointLimits limits;
	private final WebhookProperties properties;
	private final GuardedHttp http;
	private final Clock clock;
	private final Semaphore slots;
	private final ExecutorService pool = Executors.newThreadPerTaskExecutor(
			Thread.ofVirtual().name("webhook-", 0).factory());
	private volatile boolean running = true;

	DeliveryWorker(DeliveryRepository deliveries, EndpointRepository endpoints, DeliveryOutcomes outcomes,
			WebhookProperties properties, Clock clock) {
		this.deliveries = deliveries;
		this.properties = properties;
		this.clock = clock;
		this.http = new GuardedHttp(properties);
		this.limits = new EndpointLimits(properties);
		this.deliverer = new Deliverer(http, endpoints, outcomes, clock);
		this.slots = new Semaphore(properties.maxConcurrency());
	}

	@Scheduled(fixedDelayString = "${returnit.webhooks.poll-interval:PT0.2S}", initialDelayString = "PT1S")
	void poll() {
		if (!properties.enabled()) {
			return;
		}
		int claimed;
		do {
			claimed = pollOnce();
		}
		while (running && claimed > 0 && slots.availablePermits() > 0);
	}

	/** Claims and starts as many due deliveries as there are free slots; answers how many were claimed. */
	int pollOnce() {
		int free = Math.min(slots.availablePermits(), properties.batchSize());
		if (free == 0 || !running) {
			return 0;
		}
		List<DeliveryRepository.Claim> claims = deliveries.claim(clock.instant(), free, properties.lease(),
				limits.unavailable());
		for (DeliveryRepository.Claim claim : claims) {
			if (!limits.tryAcquire(claim.endpointId())) {
				deliveries.release(claim.id());
				continue;
			}
			slots.acquireUninterruptibly();
			pool.execute(() -> deliver(claim));
		}
		return claims.size();
	}

	private void deliver(DeliveryRepository.Claim claim) {
		long started = System.nanoTime();
		boolean ok = false;
		try {
			ok = deliverer.attempt(claim);
		}
		catch (RuntimeException e) {
			log.warn("Webhook delivery {} could not be recorded; its lease will run out and it is retried", claim.id(), e);
		}
		finally {
			limits.finished(claim.endpointId(), ok, Duration.ofNanos(System.nanoTime() - started));
			slots.release();
		}
	}

	@Override
	public void destroy() throws IOException {
		running = false;
		pool.shutdownNow();
		http.close();
	}
}
