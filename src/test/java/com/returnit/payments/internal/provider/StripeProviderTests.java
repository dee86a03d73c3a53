package com.returnit.payments.internal.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.returnit.support.StripeStub;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Stripe adapter over real HTTP against a local stub that answers with recorded Stripe responses: a
 * requires_capture PaymentIntent, card errors, a 500, a response slower than the timeout, Connect transfers.
 */
class StripeProviderTests {

	private StripeStub stub;
	private StripeProvider stripe;

	@BeforeEach
	void startStub() {
		stub = StripeStub.start(Duration.ofMillis(2_500));
		stripe = new StripeProvider(new StripeProvider.Settings("sk_test_recorded", stub.url(), Duration.ofMillis(1_000),
				Duration.ofMillis(1_000)));
	}

	@AfterEach
	void stopStub() {
		stub.close();
	}

	@Test
	void anAuthorizationIsAManualCapturePaymentIntentSentWithTheIdempotencyKey() {
		ProviderResult result = stripe.execute(request(ProviderRequest.Operation.AUTHORIZE, "tok_visa"));

		assertThat(result).isEqualTo(new ProviderResult.Succeeded("pi_3QxRecorded", 0));
		StripeStub.Received call = stub.received().getFirst();
		assertThat(call.path()).isEqualTo("/v1/payment_intents");
		assertThat(call.idempotencyKey()).isEqualTo("returnit:p1:authorize");
		assertThat(call.body()).contains("amount=1299", "currency=eur", "capture_method=manual", "confirm=true",
				"payment_method=tok_visa");
	}

	@Test
	void captureAndRefundActOnTheAuthorizationAndTheCaptureCarriesStripesFee() {
		assertThat(stripe.execute(request(ProviderRequest.Operation.CAPTURE, "pi_3QxRecorded")))
			.as("1.5 % of 12.99 plus 0.25, from the charge's balance transaction")
			.isEqualTo(new ProviderResult.Succeeded("pi_3QxRecorded", 44));
		assertThat(stripe.execute(new ProviderRequest(ProviderRequest.Operation.REFUND, "returnit:p1:refund:1", 300,
				"EUR", "pi_3QxRecorded"))).isEqualTo(new ProviderResult.Succeeded("re_3QxRecorded", 0));

		assertThat(stub.received()).extracting(StripeStub.Received::path).containsExactly("/v1/payment_intents/pi_3QxRecorded/capture",
				"/v1/refunds");
		assertThat(stub.received().get(0).body()).contains("amount_to_capture=1299");
		assertThat(stub.received().get(1).body()).contains("payment_intent=pi_3QxRecorded", "amount=300");
	}

	@Test
	void aCardErrorIsADeclineWithStripesDeclineCode() {
		assertThat(stripe.execute(request(ProviderRequest.Operation.AUTHORIZE, "tok_chargeDeclined")))
			.isEqualTo(new ProviderResult.Declined("generic_decline", "Your card was declined."));
		assertThat(stripe.execute(new ProviderRequest(ProviderRequest.Operation.AUTHORIZE, "returnit:p2:authorize", 1299,
				"EUR", "tok_insufficientFunds")))
			.isEqualTo(new ProviderResult.Declined("insufficient_funds", "Your card was declined."));
	}

	@Test
	void aServerErrorOrATimeoutIsNoAnswerAndTheRetryCarriesTheSameKey() {
		assertThatThrownBy(() -> stripe.execute(request(ProviderRequest.Operation.AUTHORIZE, "tok_error500")))
			.isInstanceOf(ProviderUnavailable.class);
		assertThatThrownBy(() -> stripe.execute(request(ProviderRequest.Operation.AUTHORIZE, "tok_slow")))
			.isInstanceOf(ProviderUnavailable.class);
		assertThat(stripe.lookup(request(ProviderRequest.Operation.AUTHORIZE, "tok_slow")))
			.as("Stripe kept the answer to the call that timed out").contains(new ProviderResult.Succeeded("pi_3QxRecorded", 0));

		assertThat(stub.received()).extracting(StripeStub.Received::idempotencyKey)
			.containsOnly("returnit:p1:authorize");
		assertThat(stub.done("/v1/payment_intents")).as("one PaymentIntent").isOne();
	}

	@Test
	void afterRepeatedFailuresTheCircuitOpensAndStripeIsNoLongerCalled() {
		CircuitBreaker breaker = CircuitBreaker.of("payments-stripe", CircuitBreakerConfig.custom()
			.slidingWindowSize(4).minimumNumberOfCalls(2).failureRateThreshold(50)
			.waitDurationInOpenState(Duration.ofMinutes(1)).build());
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		GuardedProvider guarded = new GuardedProvider(stripe, breaker, meters);

		for (int i = 0; i < 2; i++) {
			assertThatThrownBy(() -> guarded.execute(request(ProviderRequest.Operation.AUTHORIZE, "tok_error500")))
				.isInstanceOf(ProviderUnavailable.class);
		}
		assertThatThrownBy(() -> guarded.execute(request(ProviderRequest.Operation.AUTHORIZE, "tok_visa")))
			.isInstanceOf(ProviderUnavailable.class).hasMessageContaining("circuit is open");

		assertThat(stub.received()).hasSize(2);
		assertThat(guarded.circuit()).isEqualTo(CircuitBreaker.State.OPEN);
		assertThat(meters.get("returnit.payments.failures").tag("reason", "circuit_open").counter().count()).isOne();
	}

	@Test
	void aPayoutIsAConnectTransferToTheDriversAccountSentWithTheIdempotencyKey() {
		ProviderResult result = stripe.execute(payout("acct_1DriverRecorded"));

		assertThat(result).isEqualTo(new ProviderResult.Succeeded("tr_1MiN3gLkdIwHu7ix", 0));
		StripeStub.Received call = stub.received().getFirst();
		assertThat(call.path()).isEqualTo("/v1/transfers");
		assertThat(call.idempotencyKey()).isEqualTo("returnit:payout:d1:2026-W47");
		assertThat(call.body()).contains("amount=4210", "currency=eur", "destination=acct_1DriverRecorded",
				"transfer_group=returnit:payout:d1:2026-W47");
	}

	@Test
	void aTransferToAnAccountStripeDoesNotKnowIsDeclinedWithStripesCode() {
		assertThat(stripe.execute(payout("acct_missing42"))).isEqualTo(
				new ProviderResult.Declined("resource_missing", "No such destination: 'acct_missing42'"));
	}

	@Test
	void aTransferAnsweredTooLateIsRetriedUnderTheSameKeyAndMadeOnce() {
		stub.answerSlowly("destination=acct_1Slow", 1);
		assertThatThrownBy(() -> stripe.execute(payout("acct_1Slow"))).isInstanceOf(ProviderUnavailable.class);

		assertThat(stripe.execute(payout("acct_1Slow"))).isInstanceOf(ProviderResult.Succeeded.class);
		assertThat(stub.received()).extracting(StripeStub.Received::idempotencyKey)
			.containsOnly("returnit:payout:d1:2026-W47");
		assertThat(stub.done("/v1/transfers")).isOne();
	}

	private static ProviderRequest payout(String account) {
		return new ProviderRequest(ProviderRequest.Operation.PAYOUT, "returnit:payout:d1:2026-W47", 4210, "EUR",
				account);
	}

	private static ProviderRequest request(ProviderRequest.Operation operation, String target) {
		return new ProviderRequest(operation, "returnit:p1:" + operation.code(), 1299, "EUR", target);
	}
}
