package com.returnit.payments.internal;

import com.returnit.payments.internal.domain.EarningRates;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code returnit.payments}: the provider, its timeouts, the retry queue and reconciler, driver earning rates and
 * the payout schedule (late-cancellation fees are part of each merchant's return policy: {@code returnit.policy}). {@code haltAfterProviderCall} is for the crash drill only.
 */
@ConfigurationProperties("returnit.payments")
record PaymentsProperties(String provider, Duration callTimeout, Retry retry, Reconciler reconciler,
		Earnings earnings, Sandbox sandbox, Stripe stripe, Payouts payouts,
		@Nullable String haltAfterProviderCall) {

	record Retry(Duration interval, int batch, Duration backoff, Duration maxBackoff) {
	}

	/** In-flight calls older than {@code stuckAfter} are settled by asking the provider. */
	record Reconciler(Duration interval, Duration stuckAfter) {
	}

	record Earnings(long baseCents, long perItemCents, long perKmCents, String currency) {
	}

	record Sandbox(long feeBasisPoints, long feeFixedCents) {
	}

	record Stripe(String apiKey, String baseUrl, Duration connectTimeout) {
	}

	/** The weekly run ({@code cron}, in UTC); {@code enabled} false leaves payouts to the operator endpoint. */
	record Payouts(boolean enabled, String cron) {
	}

	PaymentsProperties {
		provider = provider == null ? "sandbox" : provider;
		callTimeout = callTimeout == null ? Duration.ofSeconds(5) : callTimeout;
		retry = retry == null ? new Retry(Duration.ofSeconds(2), 50, Duration.ofSeconds(2), Duration.ofMinutes(5))
				: retry;
		reconciler = reconciler == null ? new Reconciler(Duration.ofSeconds(30), Duration.ofMinutes(2)) : reconciler;
		earnings = earnings == null ? new Earnings(300, 50, 40, "EUR") : earnings;
		sandbox = sandbox == null ? new Sandbox(140, 25) : sandbox;
		stripe = stripe == null ? new Stripe("", "https://api.stripe.com", Duration.ofSeconds(2)) : stripe;
		payouts = payouts == null ? new Payouts(true, "0 0 3 * * MON") : payouts;
		haltAfterProviderCall = haltAfterProviderCall == null || haltAfterProviderCall.isBlank() ? null
				: haltAfterProviderCall;
	}

	EarningRates earningRates() {
		return new EarningRates(earnings.baseCents(), earnings.perItemCents(), earnings.perKmCents(),
				earnings.currency());
	}
}
