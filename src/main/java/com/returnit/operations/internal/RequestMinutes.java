package com.returnit.operations.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * This node's requests per minute (count, server errors, latency buckets), written to PostgreSQL every few seconds,
 * where every node's minutes add up to the history /ops charts and the in-service rules read.
 */
@Component
class RequestMinutes {

	/** Counters of one minute: [requests, errors, bucket 0, bucket 1, ...]. */
	private final Map<Instant, AtomicLongArray> minutes = new ConcurrentHashMap<>();
	private final MinuteRepository repository;
	private final OperationsProperties properties;
	private final Clock clock;

	RequestMinutes(MinuteRepository repository, OperationsProperties properties, Clock clock) {
		this.repository = repository;
		this.properties = properties;
		this.clock = clock;
	}

	void record(int status, long nanos) {
		AtomicLongArray minute = minutes.computeIfAbsent(clock.instant().truncatedTo(ChronoUnit.MINUTES),
				m -> new AtomicLongArray(2 + LatencyBuckets.BOUNDS_MS.length));
		minute.incrementAndGet(0);
		if (status >= 500) {
			minute.incrementAndGet(1);
		}
		minute.incrementAndGet(2 + LatencyBuckets.bucketOf(nanos / 1_000_000));
	}

	/** Writes this node's minutes (a finished minute one last time, then forgets it) and drops expired history. */
	@Scheduled(fixedDelayString = "${returnit.operations.history-flush:5s}", initialDelayString = "5s")
	void flush() {
		Instant current = clock.instant().truncatedTo(ChronoUnit.MINUTES);
		minutes.forEach((minute, counters) -> {
			long[] buckets = new long[LatencyBuckets.BOUNDS_MS.length];
			for (int i = 0; i < buckets.length; i++) {
				buckets[i] = counters.get(2 + i);
			}
			repository.save(new MinuteRepository.Minute(minute, counters.get(0), counters.get(1),
					new LatencyBuckets(buckets)));
			if (minute.isBefore(current)) {
				minutes.remove(minute);
			}
		});
		repository.deleteBefore(current.minus(properties.history()));
	}
}
