package com.returnit.notifications.internal;

import com.returnit.platform.RetrySchedule;
import com.returnit.platform.SendingSlots;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
	private final SendingSlots slots;
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
		this.slots = new SendingSlots(properties.maxConcurrency());
		this.sent = Counter.builder("returnit.notifications.sent").description("Notifications sent").register(registry);
	}

	/** One round of {@link SendingSlots}: a backlog drains as fast as the slots send. */
	@Scheduled(fixedDelayString = "${returnit.notifications.poll-interval:PT0.5S}", initialDelayString = "PT1S")
	void poll() {
		if (properties.enabled()) {
			slots.round(properties.pollInterval(), properties.batchSize(), this::claimAndSend, () -> false);
		}
	}

	private int claimAndSend(int free) {
		List<MessageRepository.Message> due = messages.claim(clock.instant(), free, properties.lease());
		for (MessageRepository.Message message : due) {
			slots.take();
			pool.execute(() -> {
				try {
					send(message);
				}
				finally {
					slots.give();
				}
			});
		}
		return due.size();
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
