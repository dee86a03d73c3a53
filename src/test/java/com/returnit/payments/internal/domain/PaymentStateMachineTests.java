package com.returnit.payments.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PaymentStateMachineTests {

	private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

	static Payment payment(long amount) {
		return Payment.start(new Payment.Terms(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
				UUID.randomUUID(), "sandbox", "tok_visa", amount, "EUR"), NOW);
	}

	@Test
	void anAuthorizedPaymentIsCapturedThenRefundedInParts() {
		Payment payment = payment(1_000);
		payment.authorized("pi_1", NOW);
		payment.captured(1_000, NOW);
		payment.refunded(300, NOW);

		assertThat(payment.status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
		assertThat(payment.refundableCents()).isEqualTo(700);

		payment.refunded(700, NOW);
		assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDED);
	}

	@Test
	void aPendingPaymentCanStillBeAuthorizedOnceTheProviderAnswers() {
		Payment payment = payment(1_000);
		payment.authorizationPending(NOW);
		assertThat(payment.status()).isEqualTo(PaymentStatus.PAYMENT_PENDING);

		payment.authorized("pi_1", NOW);
		assertThat(payment.status()).isEqualTo(PaymentStatus.AUTHORIZED);
	}

	@Test
	void anAuthorizationIsVoidedButAVoidedPaymentIsNeverCaptured() {
		Payment payment = payment(1_000);
		payment.authorized("pi_1", NOW);
		payment.voided(NOW);

		assertThatThrownBy(() -> payment.captured(1_000, NOW)).isInstanceOf(IllegalPaymentTransition.class)
			.hasMessageContaining("voided");
	}

	@Test
	void aCapturedPaymentIsNeverVoidedNorFailed() {
		Payment payment = payment(1_000);
		payment.authorized("pi_1", NOW);
		payment.captured(400, NOW);

		assertThatThrownBy(() -> payment.voided(NOW)).isInstanceOf(IllegalPaymentTransition.class);
		assertThatThrownBy(() -> payment.failed("late", NOW)).isInstanceOf(IllegalPaymentTransition.class);
	}

	@Test
	void noMoreIsRefundedThanWasCapturedCountingRefundsInFlight() {
		Payment payment = payment(1_000);
		payment.authorized("pi_1", NOW);
		payment.captured(800, NOW);

		assertThat(Refunds.refusal(payment, 800, 0)).isNull();
		assertThat(Refunds.refusal(payment, 801, 0).field()).isEqualTo("amountCents");
		assertThat(Refunds.refusal(payment, 500, 400).message()).contains("400 cents");
		assertThatThrownBy(() -> payment.refunded(801, NOW)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void nothingIsRefundedBeforeItIsCaptured() {
		Payment payment = payment(1_000);
		payment.authorized("pi_1", NOW);

		Refunds.Refusal refusal = Refunds.refusal(payment, 100, 0);
		assertThat(refusal.conflict()).isTrue();
		assertThat(refusal.message()).contains("authorized");
	}
}
