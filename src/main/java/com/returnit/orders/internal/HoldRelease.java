package com.returnit.orders.internal;

import com.returnit.orders.BookingPayments;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Releases the payment hold of a booking whose order was not stored, never inside the failed transaction: a failed
 * statement aborts it, and the release's own query would fail too, leaving the card on hold.
 * <ul>
 * <li>When the booking runs inside a caller's transaction (the idempotency filter's, which also records the answer),
 * the release is armed as soon as the payment is authorized and runs once that transaction ends in anything but a
 * commit: the store failed, or it succeeded and the request's transaction rolled back or failed to commit later.</li>
 * <li>Otherwise the store's own transaction has ended when its error reaches the caller, and the release runs then.</li>
 * </ul>
 * The release itself ({@link BookingPayments#abandon}) runs in a transaction of its own and leaves alone an order that
 * was stored after all (a commit whose answer was lost). A release that fails (the database away) is logged and left to
 * the payments janitor, which voids authorizations without an order; the caller always gets the store's error.
 */
final class HoldRelease {

	private static final Logger log = LoggerFactory.getLogger(HoldRelease.class);

	private HoldRelease() {
	}

	/** Arms the release on the caller's transaction, if there is one; true when it did. */
	static boolean armUnlessCommitted(BookingPayments payer, UUID orderId) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return false;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				if (status != STATUS_COMMITTED) {
					release(payer, orderId, null);
				}
			}
		});
		return true;
	}

	/** Releases now: the store's own transaction has already rolled back. */
	static void now(BookingPayments payer, UUID orderId, RuntimeException failure) {
		release(payer, orderId, failure);
	}

	private static void release(BookingPayments payer, UUID orderId, RuntimeException failure) {
		try {
			payer.abandon(orderId);
		}
		catch (RuntimeException e) {
			log.warn("Could not release the payment hold of unstored order {} (the janitor will): {}", orderId,
					e.toString());
			if (failure != null) {
				failure.addSuppressed(e);
			}
		}
	}
}
