package com.returnit.payments.internal.provider;

import java.util.Locale;

/**
 * One call to a payment provider. {@code target} is what the call acts on: the payment method for an authorization,
 * the authorization for a capture, void or refund, the driver (or, with Stripe, the driver's connected account
 * {@code acct_...}) for a payout. The idempotency key is derived from the
 * payment (or payout) and the operation, so a repeated call is the same call.
 */
public record ProviderRequest(Operation operation, String idempotencyKey, long amountCents, String currency,
		String target) {

	/** What the provider is asked to do. */
	public enum Operation {
		AUTHORIZE, CAPTURE, VOID, REFUND, PAYOUT;

		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}
	}
}
