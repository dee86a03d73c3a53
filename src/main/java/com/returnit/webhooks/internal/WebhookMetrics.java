package com.returnit.webhooks.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code returnit.webhooks.backlog}: deliveries waiting in the outbox (refreshed every few seconds);
 * {@code returnit.webhooks.failures}: failed attempts by kind; {@code returnit.webhooks.delivered}: successes;
 * {@code returnit.webhooks.endpoints.disabled}: endpoints switched off.
 */
@Component
class WebhookMetrics {

	private final MeterRegistry registry;
	private final DeliveryRepository deliveries;
	private final AtomicLong backlog = new AtomicLong();
	private final Counter delivered;
	private final Counter disabled;

	WebhookMetrics(MeterRegistry registry, DeliveryRepository deliveries) {
		this.registry = registry;
		this.deliveries = deliveries;
		Gauge.builder("returnit.webhooks.backlog", backlog, AtomicLong::get)
			.description("Webhook deliveries pending in the outbox").register(registry);
		this.delivered = Counter.builder("returnit.webhooks.delivered").description("Webhook deliveries answered 2xx")
			.register(registry);
		this.disabled = Counter.builder("returnit.webhooks.endpoints.disabled")
			.description("Webhook endpoints disabled (410 Gone or failing for days)").register(registry);
	}

	@Scheduled(fixedDelayString = "PT5S", initialDelayString = "PT1S")
	void refreshBacklog() {
		backlog.set(deliveries.backlog());
	}

	void delivered() {
		delivered.increment();
	}

	/** {@code kind}: http_3xx, http_4xx, http_5xx, timeout, refused_address, connection. */
	void failed(String kind) {
		Counter.builder("returnit.webhooks.failures").description("Failed webhook delivery attempts")
			.tag("kind", kind).register(registry).increment();
	}

	void endpointDisabled() {
		disabled.increment();
	}
}
