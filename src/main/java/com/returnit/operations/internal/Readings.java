package com.returnit.operations.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the rules read: this node's Micrometer meters (a meter that does not exist reads as no value), every node's
 * request minutes from PostgreSQL, the latest {@link Snapshot}, and how a value changed over a window (from samples
 * this node kept at earlier evaluations).
 */
final class Readings {

	private final MeterRegistry meters;
	private final List<MinuteRepository.Minute> recentMinutes;
	private final Snapshot snapshot;
	private final String node;
	private final Instant now;
	private final Map<String, Deque<Sample>> history;

	record Sample(Instant at, double value) {
	}

	Readings(MeterRegistry meters, List<MinuteRepository.Minute> recentMinutes, Snapshot snapshot, String node,
			Instant now, Map<String, Deque<Sample>> history) {
		this.meters = meters;
		this.recentMinutes = recentMinutes;
		this.snapshot = snapshot;
		this.node = node;
		this.now = now;
		this.history = history;
	}

	static Map<String, Deque<Sample>> newHistory() {
		return new ConcurrentHashMap<>();
	}

	String node() {
		return node;
	}

	Snapshot snapshot() {
		return snapshot;
	}

	/** Every node's requests of the last minutes, added up: p95 latency and error ratio as the rules use them. */
	LatencyBuckets recentLatency() {
		return LatencyBuckets.sum(recentMinutes.stream().map(MinuteRepository.Minute::latency).toList());
	}

	OptionalDouble recentErrorRatio() {
		long requests = recentMinutes.stream().mapToLong(MinuteRepository.Minute::requests).sum();
		long errors = recentMinutes.stream().mapToLong(MinuteRepository.Minute::errors).sum();
		return requests == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) errors / requests);
	}

	/** The sum of the gauges of this name and tags, or no value when none exists. */
	OptionalDouble gauge(String name, String... tags) {
		var found = search(name, tags).gauges();
		return found.isEmpty() ? OptionalDouble.empty()
				: OptionalDouble.of(found.stream().mapToDouble(Gauge::value).filter(v -> !Double.isNaN(v)).sum());
	}

	OptionalDouble counter(String name, String... tags) {
		var found = search(name, tags).counters();
		return found.isEmpty() ? OptionalDouble.empty()
				: OptionalDouble.of(found.stream().mapToDouble(Counter::count).sum());
	}

	/** How much {@code value} grew over the window, from the samples kept; no value before one window has passed. */
	OptionalDouble increase(String key, OptionalDouble value, Duration window) {
		if (value.isEmpty()) {
			return OptionalDouble.empty();
		}
		Deque<Sample> samples = history.computeIfAbsent(key, k -> new ArrayDeque<>());
		synchronized (samples) {
			samples.addLast(new Sample(now, value.getAsDouble()));
			while (samples.size() > 1 && samples.peekFirst().at().isBefore(now.minus(window))) {
				samples.removeFirst();
			}
			Sample oldest = samples.peekFirst();
			return oldest.at().equals(now) ? OptionalDouble.empty()
					: OptionalDouble.of(value.getAsDouble() - oldest.value());
		}
	}

	static OptionalDouble ratio(OptionalDouble part, OptionalDouble whole) {
		return part.isEmpty() || whole.isEmpty() || whole.getAsDouble() <= 0 ? OptionalDouble.empty()
				: OptionalDouble.of(part.getAsDouble() / whole.getAsDouble());
	}

	private Search search(String name, String... tags) {
		return meters.find(name).tags(tags);
	}
}
