package com.returnit.load;

import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the burst's client saw, booking by booking: each Idempotency-Key's order (one, however often it was retried),
 * every answer by status, whether each refusal was a retryable 429/503 problem+json, and each accepted booking's
 * time from its first request to its order. Ids are kept as {@link UUID}s (about 100 bytes an entry, 10 MB for
 * 100,000 bookings).
 */
final class Ledger {

	/** What the client does next with an answer. */
	enum Next {
		DONE, RETRY
	}

	final Map<UUID, UUID> orderByKey = new ConcurrentHashMap<>();

	final Map<String, AtomicLong> answers = new ConcurrentSkipListMap<>();

	final AtomicLong submitted = new AtomicLong();

	final AtomicLong retries = new AtomicLong();

	final AtomicLong gaveUp = new AtomicLong();

	/** Two different orders answered for one key: a duplicate the idempotency key should have prevented. */
	final AtomicLong conflictingReplays = new AtomicLong();

	/** A refusal that was not a 429/503 problem+json, or an answer outside what the API promises. */
	final AtomicLong unclearRefusals = new AtomicLong();

	private final AtomicLongArray bookingMillis;

	private final AtomicInteger timed = new AtomicInteger();

	Ledger(int bookings) {
		this.bookingMillis = new AtomicLongArray(bookings);
	}

	/**
	 * Records one answer ({@code status} 0 when no answer came) and says whether to retry it with the same key. A
	 * 409 with Retry-After is the service saying that the key's first attempt (whose answer the client lost) is still
	 * running: retried like a 429, and not a refusal of the booking.
	 */
	Next record(String step, UUID key, Answer answer, int attempt, int maxAttempts) {
		int status = answer.status();
		answers.computeIfAbsent(step + " " + (status == 0 ? "no answer" : status), k -> new AtomicLong())
			.incrementAndGet();
		if (status == 200 || status == 201) {
			if (answer.orderId() != null) {
				UUID previous = orderByKey.putIfAbsent(key, UUID.fromString(answer.orderId()));
				if (previous != null && !previous.toString().equals(answer.orderId())) {
					conflictingReplays.incrementAndGet();
				}
			}
			return Next.DONE;
		}
		boolean retryable = status == 0 || answer.clearRefusal() || answer.stillInProgress();
		if (status != 0 && !answer.clearRefusal() && !answer.stillInProgress()) {
			unclearRefusals.incrementAndGet();
		}
		if (retryable && attempt < maxAttempts) {
			retries.incrementAndGet();
			return Next.RETRY;
		}
		gaveUp.incrementAndGet();
		return Next.DONE;
	}

	/** One HTTP answer as the client saw it. */
	record Answer(int status, String contentType, String retryAfter, String orderId) {

		boolean problem() {
			return contentType != null && contentType.startsWith("application/problem+json");
		}

		/** The refusal issue 8 allows: a 429 or 503 problem+json the client may retry. */
		boolean clearRefusal() {
			return (status == 429 || status == 503) && problem();
		}

		boolean stillInProgress() {
			return status == 409 && retryAfter != null && problem();
		}
	}

	/** Times one accepted booking, from its first quote request to its order. */
	void accepted(long millis) {
		int i = timed.getAndIncrement();
		if (i < bookingMillis.length()) {
			bookingMillis.set(i, millis);
		}
	}

	long accepted() {
		return orderByKey.size();
	}

	/** The accepted bookings' time at each percentile (0 to 100), from the first request to the order. */
	long[] bookingPercentiles(double... percentiles) {
		long[] sorted = new long[Math.min(timed.get(), bookingMillis.length())];
		Arrays.setAll(sorted, bookingMillis::get);
		Arrays.sort(sorted);
		long[] values = new long[percentiles.length];
		for (int i = 0; i < percentiles.length && sorted.length > 0; i++) {
			int rank = (int) Math.ceil(percentiles[i] / 100 * sorted.length) - 1;
			values[i] = sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
		}
		return values;
	}

	/** Answers with this status (0: no answer) to either step of a booking. */
	long refused(int status) {
		return answered("quote", status) + answered("book", status);
	}

	private long answered(String step, int status) {
		AtomicLong count = answers.get(step + " " + (status == 0 ? "no answer" : status));
		return count == null ? 0 : count.get();
	}
}
