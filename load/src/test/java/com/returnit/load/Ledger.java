package com.returnit.load;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the burst's client saw, booking by booking: each Idempotency-Key's order (one, however often it was retried),
 * every answer by status, and whether each refusal was a retryable 429/503 problem+json.
 */
final class Ledger {

	/** What the client does next with an answer. */
	enum Next {
		DONE, RETRY
	}

	final Map<String, String> orderByKey = new ConcurrentHashMap<>();

	final Map<String, AtomicLong> answers = new ConcurrentSkipListMap<>();

	final AtomicLong submitted = new AtomicLong();

	final AtomicLong retries = new AtomicLong();

	final AtomicLong gaveUp = new AtomicLong();

	/** Two different orders answered for one key: a duplicate the idempotency key should have prevented. */
	final AtomicLong conflictingReplays = new AtomicLong();

	/** A refusal that was not a 429/503 problem+json, or an answer outside what the API promises. */
	final AtomicLong unclearRefusals = new AtomicLong();

	/**
	 * Records one answer ({@code status} 0 when no answer came) and says whether to retry it with the same key.
	 */
	Next record(String step, String key, int status, String contentType, String orderId, int attempt, int maxAttempts) {
		answers.computeIfAbsent(step + " " + (status == 0 ? "no answer" : status), k -> new AtomicLong())
			.incrementAndGet();
		if (status == 200 || status == 201) {
			if (orderId != null) {
				String previous = orderByKey.putIfAbsent(key, orderId);
				if (previous != null && !previous.equals(orderId)) {
					conflictingReplays.incrementAndGet();
				}
			}
			return Next.DONE;
		}
		boolean retryable = status == 0 || status == 429 || status == 503;
		if (status == 429 || status == 503) {
			if (contentType == null || !contentType.startsWith("application/problem+json")) {
				unclearRefusals.incrementAndGet();
			}
		}
		else if (status != 0) {
			unclearRefusals.incrementAndGet();
		}
		if (retryable && attempt < maxAttempts) {
			retries.incrementAndGet();
			return Next.RETRY;
		}
		gaveUp.incrementAndGet();
		return Next.DONE;
	}
}
