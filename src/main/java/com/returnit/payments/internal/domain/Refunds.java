package com.returnit.payments.internal.domain;

import org.jspecify.annotations.Nullable;

/** The refund rule: only captured money, never more than is left after earlier and pending refunds. */
public final class Refunds {

	/** Why a refund is refused, for the field {@code amountCents} or the payment as a whole. */
	public record Refusal(String field, String message, boolean conflict) {
	}

	private Refunds() {
	}

	/** Null when {@code amount} may be refunded now, with {@code pending} cents already promised to refunds in flight. */
	public static @Nullable Refusal refusal(Payment payment, long amount, long pending) {
		if (amount <= 0) {
			return new Refusal("amountCents", "must be positive", false);
		}
		if (!payment.status().captured()) {
			return new Refusal("payment", "is " + payment.status().code() + ": nothing has been captured to refund",
					true);
		}
		long left = payment.refundableCents() - pending;
		if (amount > left) {
			return new Refusal("amountCents", "must not exceed the " + left + " cents captured and not yet refunded",
					false);
		}
		return null;
	}
}
