package com.returnit.payments.internal;

import com.returnit.payments.internal.domain.Payment;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The JSON shapes of payments, refunds, earnings, payouts and statements. */
final class PaymentBodies {

	private PaymentBodies() {
	}

	record RefundBody(@NotNull @Min(1) @Max(100_000_000) Long amountCents, @NotBlank @Size(max = 500) String reason) {
	}

	record OperationView(String kind, long amountCents, String status, int attempts, @Nullable String reason,
			Instant createdAt) {

		static OperationView of(Operation o) {
			return new OperationView(o.kind().code(), o.amountCents(), o.status(), o.attempts(), o.reason(),
					o.createdAt());
		}
	}

	/** {@code billing} merchant_pays answers status not_required: the pickup is on the merchant's statement. */
	record PaymentView(UUID orderId, String billing, String status, long amountCents, String currency,
			long capturedCents, long refundedCents, long refundableCents, @Nullable String paymentMethod,
			@Nullable String provider, @Nullable String failure, List<OperationView> operations) {

		static PaymentView of(Payment p, List<Operation> operations) {
			Payment.Terms t = p.terms();
			return new PaymentView(t.orderId(), "customer_pays", p.status().code(), t.amountCents(), t.currency(),
					p.capturedCents(), p.refundedCents(), p.refundableCents(), t.paymentMethod(), t.provider(),
					p.failure(), operations.stream().map(OperationView::of).toList());
		}

		static PaymentView merchantPays(UUID orderId, long amount, String currency) {
			return new PaymentView(orderId, "merchant_pays", "not_required", amount, currency, 0, 0, 0, null, null,
					null, List.of());
		}
	}

	record EarningView(UUID orderId, long amountCents, Instant earnedAt) {
	}

	record EarningsView(UUID driverId, String from, String to, String currency, long totalCents,
			long payableBalanceCents, List<EarningView> pickups) {
	}

	/** {@code lastError}: why the payout is still pending, or why it failed. */
	record PayoutView(UUID id, UUID driverId, String period, long amountCents, String currency, String status,
			@Nullable String providerRef, int attempts, @Nullable String lastError) {
	}

	record PayoutRunView(String period, int paid, long totalCents, List<PayoutView> payouts) {
	}

	record PayoutRunBody(@Nullable @jakarta.validation.constraints.Pattern(regexp = "^\\d{4}-W\\d{2}$") String period) {
	}

	record StatementLine(Instant occurredAt, String kind, @Nullable UUID orderId, long amountCents) {
	}

	record StatementView(UUID merchantId, String merchantName, String month, String billing, String currency,
			long totalCents, List<StatementLine> lines) {
	}
}
