package com.returnit.orders.internal;

import com.returnit.orders.BookingPayments;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Releases the payment hold of a booking whose order could not be stored, never inside the failed transaction: a
 * failed statement aborts it, and the release's own query would fail too, leaving the card on hold. When the booking
 * ran inside a caller's transaction (the idempotency filter's), the release waits for that one to roll back;
 * otherwise the store's own transaction has already rolled back and the release runs now. A release that fails
 * (the database away) is logged and left to the payments janitor, which voids authorizations that have no order;
 * the caller always gets the store's error, not the release's.
 */
final class HoldRelease {

	private static final Logger log = LoggerFactory.getLogger(HoldRelease.class);

	private HoldRelease() {
	}

	static void afterRollback(BookingPayments payer, UUID orderId, RuntimeException failure) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			release(payer, orderId, failure);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				if (status != STATUS_COMMITTED) {
					release(payer, orderId, failure);
				}
			}
		});
	}

	private static void release(BookingPayments payer, UUID orderId, RuntimeException failure) {
		try {
			payer.abandon(orderId);
		}
		catch (RuntimeException e) {
			log.warn("Could not release the payment hold of unstored order {} (the janitor will): {}", orderId,
					e.toString());
			failure.addSuppressed(e);
		}
	}
}
