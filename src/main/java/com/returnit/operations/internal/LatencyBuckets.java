package com.returnit.operations.internal;

import java.util.Arrays;
import java.util.List;

/**
 * Request counts per latency bucket (upper bounds in milliseconds, the last one open): small enough to keep per node
 * and minute in PostgreSQL, and additive, so nodes and minutes merge into one histogram and one p95.
 */
record LatencyBuckets(long[] counts) {

	static final long[] BOUNDS_MS = { 10, 25, 50, 100, 250, 500, 1000, 2000, 5000, Long.MAX_VALUE };

	static LatencyBuckets empty() {
		return new LatencyBuckets(new long[BOUNDS_MS.length]);
	}

	static int bucketOf(long millis) {
		for (int i = 0; i < BOUNDS_MS.length; i++) {
			if (millis <= BOUNDS_MS[i]) {
				return i;
			}
		}
		return BOUNDS_MS.length - 1;
	}

	static LatencyBuckets sum(List<LatencyBuckets> all) {
		long[] total = new long[BOUNDS_MS.length];
		all.forEach(b -> {
			for (int i = 0; i < total.length; i++) {
				total[i] += i < b.counts.length ? b.counts[i] : 0;
			}
		});
		return new LatencyBuckets(total);
	}

	long total() {
		return Arrays.stream(counts).sum();
	}

	/**
	 * The quantile in milliseconds, interpolated linearly inside its bucket as Prometheus' histogram_quantile does;
	 * the open last bucket answers its lower bound. Zero without requests.
	 */
	double quantileMs(double q) {
		long total = total();
		if (total == 0) {
			return 0;
		}
		double rank = q * total;
		long seen = 0;
		for (int i = 0; i < counts.length; i++) {
			if (seen + counts[i] >= rank && counts[i] > 0) {
				double lower = i == 0 ? 0 : BOUNDS_MS[i - 1];
				if (BOUNDS_MS[i] == Long.MAX_VALUE) {
					return lower;
				}
				return lower + (BOUNDS_MS[i] - lower) * (rank - seen) / counts[i];
			}
			seen += counts[i];
		}
		return BOUNDS_MS[BOUNDS_MS.length - 2];
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof LatencyBuckets b && Arrays.equals(counts, b.counts);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(counts);
	}

	@Override
	public String toString() {
		return Arrays.toString(counts);
	}
}
