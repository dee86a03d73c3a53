package com.returnit.payments.internal.provider;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.CardException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.BalanceTransaction;
import com.stripe.model.Charge;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentCaptureParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.TransferCreateParams;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The real Stripe API through stripe-java, at a configurable base URL. Authorizations are PaymentIntents with manual
 * capture; every request carries the idempotency key; stripe-java's own retries are off because the retry queue
 * retries. Stripe keeps idempotent responses for 24 hours, so a lookup replays the same request with the same key
 * and gets the original answer (or, if Stripe never received it, makes the call now, which is what was wanted).
 * Driver payouts are Connect transfers from the platform's balance to the driver's connected account.
 */
public class StripeProvider implements PaymentProvider {

	/** Where and how to call Stripe. */
	public record Settings(String apiKey, String baseUrl, Duration connectTimeout, Duration readTimeout) {
	}

	private final StripeClient stripe;

	public StripeProvider(Settings settings) {
		this.stripe = StripeClient.builder()
			.setApiKey(settings.apiKey())
			.setApiBase(settings.baseUrl())
			.setConnectTimeout((int) settings.connectTimeout().toMillis())
			.setReadTimeout((int) settings.readTimeout().toMillis())
			.setMaxNetworkRetries(0)
			.build();
	}

	@Override
	public String name() {
		return "stripe";
	}

	@Override
	public ProviderResult execute(ProviderRequest request) {
		RequestOptions options = RequestOptions.builder().setIdempotencyKey(request.idempotencyKey()).build();
		try {
			return switch (request.operation()) {
				case AUTHORIZE -> authorized(stripe.v1().paymentIntents().create(PaymentIntentCreateParams.builder()
					.setAmount(request.amountCents())
					.setCurrency(request.currency().toLowerCase(Locale.ROOT))
					.setPaymentMethod(request.target())
					.setCaptureMethod(PaymentIntentCreateParams.CaptureMethod.MANUAL)
					.setConfirm(true)
					.putMetadata("idempotency_key", request.idempotencyKey())
					.build(), options));
				case CAPTURE -> captured(stripe.v1().paymentIntents().capture(request.target(),
						PaymentIntentCaptureParams.builder().setAmountToCapture(request.amountCents())
							.addExpand("latest_charge.balance_transaction").build(),
						options));
				case VOID -> new ProviderResult.Succeeded(stripe.v1().paymentIntents()
					.cancel(request.target(), PaymentIntentCancelParams.builder().build(), options).getId(), 0);
				case REFUND -> new ProviderResult.Succeeded(stripe.v1().refunds().create(RefundCreateParams.builder()
					.setPaymentIntent(request.target()).setAmount(request.amountCents()).build(), options).getId(), 0);
				case PAYOUT -> new ProviderResult.Succeeded(stripe.v1().transfers().create(TransferCreateParams.builder()
					.setAmount(request.amountCents())
					.setCurrency(request.currency().toLowerCase(Locale.ROOT))
					.setDestination(request.target())
					.setTransferGroup(request.idempotencyKey())
					.putMetadata("idempotency_key", request.idempotencyKey())
					.build(), options).getId(), 0);
			};
		}
		catch (CardException e) {
			return new ProviderResult.Declined(code(e), message(e));
		}
		catch (ApiConnectionException | ApiException | RateLimitException e) {
			throw new ProviderUnavailable("Stripe did not answer: " + e.getMessage(), e);
		}
		catch (StripeException e) {
			if (e.getStatusCode() != null && (e.getStatusCode() >= 500 || e.getStatusCode() == 409)) {
				throw new ProviderUnavailable("Stripe answered " + e.getStatusCode() + ": " + e.getMessage(), e);
			}
			return new ProviderResult.Declined(code(e), message(e));
		}
	}

	@Override
	public boolean paysToConnectedAccounts() {
		return true;
	}

	@Override
	public Optional<ProviderResult> lookup(ProviderRequest request) {
		return Optional.of(execute(request));
	}

	private static ProviderResult authorized(PaymentIntent intent) {
		if ("requires_capture".equals(intent.getStatus())) {
			return new ProviderResult.Succeeded(intent.getId(), 0);
		}
		var error = intent.getLastPaymentError();
		return new ProviderResult.Declined(error == null ? intent.getStatus() : String.valueOf(error.getCode()),
				error == null ? "The payment was not authorized (" + intent.getStatus() + ")." : error.getMessage());
	}

	/**
	 * A capture, with Stripe's processing fee from the charge's balance transaction (asked for with {@code expand}), so
	 * that the ledger books it to provider fees; 0 when Stripe has not settled the fee yet.
	 */
	private static ProviderResult captured(PaymentIntent intent) {
		Charge charge = intent.getLatestChargeObject();
		BalanceTransaction settlement = charge == null ? null : charge.getBalanceTransactionObject();
		long fee = settlement == null || settlement.getFee() == null ? 0 : settlement.getFee();
		return new ProviderResult.Succeeded(intent.getId(), fee);
	}

	/** Stripe's own words, without the SDK's request-id suffix. */
	private static String message(StripeException e) {
		if (e.getStripeError() != null && e.getStripeError().getMessage() != null) {
			return e.getStripeError().getMessage();
		}
		return String.valueOf(e.getMessage());
	}

	private static String code(StripeException e) {
		if (e instanceof CardException card && card.getDeclineCode() != null) {
			return card.getDeclineCode();
		}
		return e.getCode() == null ? "stripe_error" : e.getCode();
	}
}
