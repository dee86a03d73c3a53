package com.returnit.payments.internal.provider;

import java.util.Optional;

/** A payment provider adapter: the sandbox or Stripe. Implementations throw {@link ProviderUnavailable} when unsure. */
public interface PaymentProvider {

	String name();

	ProviderResult execute(ProviderRequest request);

	/**
	 * What the provider did for this request's idempotency key, if it ever received it: the reconciler asks this
	 * for calls whose answer was lost in a crash.
	 */
	Optional<ProviderResult> lookup(ProviderRequest request);

	/**
	 * Whether payouts go to the driver's own account at the provider (a Stripe Connect account, {@code acct_...}) as
	 * the request's target, rather than to the driver's id.
	 */
	default boolean paysToConnectedAccounts() {
		return false;
	}
}
