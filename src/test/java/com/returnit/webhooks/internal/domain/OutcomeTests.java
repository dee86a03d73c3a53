package com.returnit.webhooks.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.platform.RetrySchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OutcomeTests {

	private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

	@Test
	void only2xxDelivers410IsGoneAndEverythingElseIsRetried() {
		assertThat(Outcome.ofResponse(200, null, NOW)).isInstanceOf(Outcome.Delivered.class);
		assertThat(Outcome.ofResponse(299, null, NOW)).isInstanceOf(Outcome.Delivered.class);
		assertThat(Outcome.ofResponse(410, null, NOW)).isInstanceOf(Outcome.Gone.class);
		for (int status : new int[] { 301, 302, 400, 404, 429, 500, 503 }) {
			assertThat(Outcome.ofResponse(status, null, NOW)).as("HTTP %d", status).isInstanceOf(Outcome.Retry.class);
		}
	}

	@Test
	void retryAfterIsReadAsSecondsOrAnHttpDateAndCappedAtADay() {
		assertThat(Outcome.retryAfter("120", NOW)).contains(Duration.ofSeconds(120));
		assertThat(Outcome.retryAfter("Sun, 22 Nov 2026 10:05:00 GMT", NOW)).contains(Duration.ofMinutes(5));
		assertThat(Outcome.retryAfter("9999999", NOW)).contains(Duration.ofDays(1));
		assertThat(Outcome.retryAfter("soon", NOW)).isEmpty();
		assertThat(Outcome.retryAfter("-5", NOW)).isEmpty();
	}

	@Test
	void theScheduleWaitsAsTheIssueSaysWithinTenPercentAndEndsAfterTenAttempts() {
		Random random = new Random(1);
		long[] expectedSeconds = { 5, 300, 1800, 7200, 18_000, 36_000, 50_400, 72_000, 86_400 };
		for (int failed = 1; failed <= 9; failed++) {
			Duration wait = RetrySchedule.STANDARD.after(failed, random).orElseThrow();
			assertThat(wait.toMillis()).as("after %d failures", failed)
				.isBetween(expectedSeconds[failed - 1] * 900, expectedSeconds[failed - 1] * 1100);
		}
		assertThat(RetrySchedule.STANDARD.after(10, random)).isEmpty();
	}

	@Test
	void addressesThatReachInsideAreRefusedAndPublicOnesAllowed() throws Exception {
		for (String inside : new String[] { "127.0.0.1", "10.0.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254",
				"100.100.100.200", "0.0.0.0", "224.0.0.1", "::1", "fe80::1", "fd00:ec2::254", "::ffff:10.0.0.1" }) {
			assertThat(AddressPolicy.whyRefused(java.net.InetAddress.getByName(inside))).as(inside).isPresent();
		}
		for (String outside : new String[] { "93.184.216.34", "1.1.1.1", "2606:4700:4700::1111" }) {
			assertThat(AddressPolicy.whyRefused(java.net.InetAddress.getByName(outside))).as(outside).isEmpty();
		}
	}
}
