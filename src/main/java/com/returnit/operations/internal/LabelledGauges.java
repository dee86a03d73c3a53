package com.returnit.operations.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One gauge per label value (an area's name, an order status), registered once and then only updated: a label that
 * is gone reads 0. Re-registering gauges on every update (Micrometer's {@code MultiGauge} with overwrite) let a scrape
 * see the old and the new gauge of one label at once, and Prometheus' writer refused it ("Duplicate labels", 500).
 */
final class LabelledGauges {

	private final MeterRegistry meters;
	private final String name;
	private final String label;
	private final String description;
	private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();

	LabelledGauges(MeterRegistry meters, String name, String label, String description) {
		this.meters = meters;
		this.name = name;
		this.label = label;
		this.description = description;
	}

	/** The current value per label; labels not given read 0 from now on. */
	synchronized void set(Map<String, ? extends Number> current) {
		current.forEach((value, number) -> values.computeIfAbsent(value, this::register).set(number.longValue()));
		values.forEach((value, holder) -> {
			if (!current.containsKey(value)) {
				holder.set(0);
			}
		});
	}

	private AtomicLong register(String value) {
		AtomicLong holder = new AtomicLong();
		Gauge.builder(name, holder, AtomicLong::get).tag(label, value).description(description).register(meters);
		return holder;
	}
}
