package com.returnit.dispatch.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@code returnit.dispatch.offers{outcome}}: offers made, accepted, declined and expired, counted when their
 * transaction commits; acceptance is accepted / made.
 */
@Component
class OfferMetrics {

	private final Counter made;
	private final Counter accepted;
	private final Counter declined;
	private final Counter expired;

	OfferMetrics(MeterRegistry meters) {
		this.made = meters.counter("returnit.dispatch.offers", "outcome", "made");
		this.accepted = meters.counter("returnit.dispatch.offers", "outcome", "accepted");
		this.declined = meters.counter("returnit.dispatch.offers", "outcome", "declined");
		this.expired = meters.counter("returnit.dispatch.offers", "outcome", "expired");
	}

	void made() {
		afterCommit(made, 1);
	}

	void accepted() {
		afterCommit(accepted, 1);
	}

	void declined() {
		afterCommit(declined, 1);
	}

	void expired(int count) {
		afterCommit(expired, count);
	}

	private static void afterCommit(Counter counter, int count) {
		if (count == 0) {
			return;
		}
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			counter.increment(count);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				counter.increment(count);
			}
		});
	}
}
