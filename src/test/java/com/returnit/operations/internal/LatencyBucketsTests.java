package com.returnit.operations.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyBucketsTests {

	@Test
	void theP95IsInterpolatedInsideItsBucketAsPrometheusDoes() {
		long[] counts = new long[LatencyBuckets.BOUNDS_MS.length];
		counts[LatencyBuckets.bucketOf(8)] = 90;
		counts[LatencyBuckets.bucketOf(1500)] = 10;

		// rank 95 of 100 is half-way through the 10 requests between 1000 and 2000 ms
		assertThat(new LatencyBuckets(counts).quantileMs(0.95)).isCloseTo(1500, within(0.1));
	}

	@Test
	void nodesAndMinutesAddUpToOneHistogram() {
		LatencyBuckets a = LatencyBuckets.empty();
		a.counts()[0] = 3;
		LatencyBuckets b = LatencyBuckets.empty();
		b.counts()[0] = 2;
		b.counts()[9] = 1;

		LatencyBuckets sum = LatencyBuckets.sum(List.of(a, b));

		assertThat(sum.total()).isEqualTo(6);
		assertThat(sum.counts()[0]).isEqualTo(5);
	}

	@Test
	void noRequestsHaveNoLatency() {
		assertThat(LatencyBuckets.empty().quantileMs(0.95)).isZero();
	}

	@Test
	void aRequestSlowerThanTheLastBoundCountsInTheOpenBucket() {
		assertThat(LatencyBuckets.bucketOf(60_000)).isEqualTo(LatencyBuckets.BOUNDS_MS.length - 1);
		assertThat(LatencyBuckets.bucketOf(1000)).isEqualTo(6);
	}
}
