package com.returnit.payments.internal;

import com.returnit.payments.internal.domain.OperationKind;
import com.returnit.payments.internal.domain.Payment;
import com.returnit.payments.internal.domain.PaymentStatus;
import com.returnit.platform.Ids;
import java.time.Clock;

/** Queues the release of a payment's authorization (behind its authorization, if that is still queued). */
final class Voids {

	private Voids() {
	}

	static boolean ask(OperationQueue operations, Payment payment, Clock clock) {
		if (payment.status() != PaymentStatus.AUTHORIZED && payment.status() != PaymentStatus.PAYMENT_PENDING) {
			return false;
		}
		return operations.add(Ids.newId(clock), payment.id(), OperationKind.VOID, 0,
				Operation.keyFor(payment.id(), OperationKind.VOID, null), "queued", clock.instant());
	}
}
