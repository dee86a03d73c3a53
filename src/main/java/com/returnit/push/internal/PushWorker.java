package com.returnit.push.internal;

import com.returnit.platform.SendingSlots;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the push outbox on a bounded pool of virtual threads. Every node runs one; claims are leased rows, so nodes
 * share the work. A message is tried until the push service takes it, says the subscription is gone (the subscription
 * is removed), refuses it, the offer expires, or {@code max-attempts} are spent; each end is recorded on the row.
 */
@Component
class PushWorker implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(PushWorker.class);

	private final PushMessageRepository messages;
	private final SubscriptionRepository subscriptions;
	private final PushSender sender;
	private final PushProperties properties;
	private final Clock clock;
	private final SendingSlots slots;
	private final ExecutorService pool = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("push-", 0).factory());

	PushWorker(PushMessageRepository messages, SubscriptionRepository subscriptions, PushSender sender,
			PushProperties properties, Clock clock) {
		this.messages = messages;
		this.subscriptions = subscriptions;
		this.sender = sender;
		this.properties = properties;
		this.clock = clock;
		this.slots = new SendingSlots(properties.maxConcurrency());
	}

	@Scheduled(fixedDelayString = "${returnit.push.poll-interval:PT0.25S}", initialDelayString = "PT1S")
	void poll() {
		if (!properties.enabled() || pool.isShutdown()) {
			return;
		}
		// one round of SendingSlots: a backlog drains as fast as the slots send
		slots.round(properties.pollInterval(), properties.batchSize(), this::claimAndSend, pool::isShutdown);
	}

	private int claimAndSend(int free) {
		List<PushMessageRepository.Claim> claims = messages.claim(clock.instant(), free, properties.lease());
		for (PushMessageRepository.Claim claim : claims) {
			slots.take();
			pool.execute(() -> {
				try {
					deliver(claim);
				}
				catch (RuntimeException e) {
					log.warn("Push message {} could not be recorded; its lease runs out and it is tried again", claim.id(), e);
				}
				finally {
					slots.give();
				}
			});
		}
		return claims.size();
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
	void purge() {
		messages.purge(clock.instant().minus(properties.keepSent()));
	}

	void deliver(PushMessageRepository.Claim message) {
		Instant now = clock.instant();
		if (!message.expiresAt().isAfter(now)) {
			messages.expired(message.id(), "the offer expired before the push went out", now);
			return;
		}
		PushSender.Result result = sender.send(message);
		now = clock.instant();
		switch (result.outcome()) {
			case DELIVERED -> messages.sent(message.id(), now);
			case GONE -> {
				log.info("Push subscription {} is gone ({}); removed", message.subscriptionId(), result.detail());
				subscriptions.deleteGone(message.subscriptionId());
			}
			case REFUSED -> gaveUp(message, result.detail(), now);
			case RETRY -> retryOrGiveUp(message, result.detail(), now);
		}
	}

	private void retryOrGiveUp(PushMessageRepository.Claim message, String error, Instant now) {
		Instant next = now.plus(properties.backoff().multipliedBy(1L << Math.min(message.attempts() - 1, 10)));
		if (message.attempts() >= properties.maxAttempts() || !next.isBefore(message.expiresAt())) {
			gaveUp(message, error + " (after " + message.attempts() + " attempts)", now);
			return;
		}
		messages.retryAt(message.id(), next, error);
	}

	private void gaveUp(PushMessageRepository.Claim message, String error, Instant now) {
		log.warn("Push of offer {} to subscription {} failed: {}", message.offerId(), message.subscriptionId(), error);
		messages.failed(message.id(), error, now);
	}

	@Override
	public void destroy() throws InterruptedException {
		pool.shutdown();
		pool.awaitTermination(Duration.ofSeconds(5).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
	}
}
