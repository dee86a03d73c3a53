package com.returnit.notifications.internal;

import com.returnit.platform.RetrySchedule;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due messages from the outbox on a bounded pool of virtual threads, retrying failures on the same schedule
 * as webhooks; giving up is logged and counted ({@code returnit.notifications.failures}), never silent.
 */
@Component
class NotificationWorker implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(NotificationWorker.class);

	private final MessageRepository messages;
	private final Senders senders;
	private final NotificationProperties properties;
	private final Clock clock;
	private final Semaphore slots;
	private final Counter sent;
	private final MeterRegistry registry;
	private final ExecutorService pool = Executors.newThreadPerTaskExecutor(
			Thread.ofVirtual().name("notification-", 0).factory());

	NotificationWorker(MessageRepository messages, Senders senders, NotificationProperties properties, Clock clock,
			MeterRegistry registry) {
		this.messages = messages;
		this.senders = senders;
		this.properties = properties;
		this.clock = clock;
		this.registry = registry;
		this.slots = new Semaphore(properties.maxConcurrency());
		this.sent = Counter.builder("returnit.notifications.sent").description("Notifications sent").register(registry);
	}

	/**
	 * Claims as many due messages as there are free sending slots, and again as long as each claim comes back full,
	 * waiting for a slot when all are busy, for at most one poll interval: a backlog drains as fast as the slots
	 * send. (One claim per interval capped a node at max-concurrency messages per interval, 16 a second.)
	 */
	@Scheduled(fixedDelayString = "${returnit.notifications.poll-interval:PT0.5S}", initialDelayString = "PT1S")
	void poll() {
		if (!properties.enabled()) {
			return;
		}
		long until = System.nanoTime() + properties.pollInterval().toNanos();
		while (System.nanoTime() < until) {
			int free = Math.min(slots.availablePermits(), properties.batchSize());
			if (free == 0) {
				if (!slotFreesUpBefore(until)) {
					return;
				}
			}
			else if (claimAndSend(free) < free) {
				return;
			}
		}
	}

	private int claimAndSend(int free) {
		List<MessageRepository.Message> due = messages.claim(clock.instant(), free, properties.lease());
		for (MessageRepository.Message message : due) {
			slots.acquireUninterruptibly();
			pool.execute(() -> {
				try {
					send(message);
				}
				finally {
					slots.release();
				}
			});
		}
		return due.size();
	}

	private boolean slotFreesUpBefore(long until) {
		try {
			if (slots.tryAcquire(until - System.nanoTime(), TimeUnit.NANOSECONDS)) {
				slots.release();
				return true;
			}
			return false;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private void send(MessageRepository.Message message) {
		int attempt = message.attempts() + 1;
		try {
			senders.send(message);
			messages.sent(message.id(), attempt, clock.instant());
			sent.increment();
		}
		catch (Exception e) {
			Instant now = clock.instant();
			Instant next = RetrySchedule.STANDARD.after(attempt, ThreadLocalRandom.current()).map(now::plus).orElse(null);
			messages.failed(message.id(), attempt, e.getClass().getSimpleName() + ": " + e.getMessage(), next);
			Counter.builder("returnit.notifications.failures").tag("channel", message.channel().code())
				.register(registry).increment();
			if (next == null) {
				log.error("Gave up sending {} message {} to {} after {} attempts: {}", message.channel().code(),
						message.id(), message.recipient(), attempt, e.toString());
			}
			else {
				log.warn("Sending {} message {} failed (attempt {}), next at {}: {}", message.channel().code(),
						message.id(), attempt, next, e.toString());
			}
		}
	}

	@Override
	public void destroy() {
		pool.shutdownNow();
	}
}
