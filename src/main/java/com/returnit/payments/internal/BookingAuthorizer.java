package com.returnit.payments.internal;

import com.returnit.merchants.Billing;
import com.returnit.merchants.Merchant;
import com.returnit.merchants.Merchants;
import com.returnit.orders.BookingPayments;
import com.returnit.orders.Orders;
import com.returnit.orders.PaymentDeclined;
import com.returnit.payments.internal.domain.OperationKind;
import com.returnit.payments.internal.domain.Payment;
import com.returnit.payments.internal.domain.PaymentStatus;
import com.returnit.payments.internal.provider.GuardedProvider;
import com.returnit.platform.Ids;
import com.returnit.platform.InvalidInput;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Authorizes customer-paid bookings before the order is stored. The payment and its in-flight authorization are
 * committed first, so that whatever happens during the provider call is found again; then the call, then its answer.
 * No answer from the provider still books: the payment is {@code payment_pending} and the retry queue finishes it.
 */
@Service
class BookingAuthorizer implements BookingPayments {

	private final Merchants merchants;
	private final PaymentRepository payments;
	private final OperationQueue operations;
	private final ProviderCalls calls;
	private final OwnTransactions transactions;
	private final GuardedProvider provider;
	private final Clock clock;
	private final Orders orders;

	BookingAuthorizer(Merchants merchants, PaymentRepository payments, OperationQueue operations, ProviderCalls calls,
			OwnTransactions transactions, GuardedProvider provider, Clock clock, Orders orders) {
		this.orders = orders;
		this.merchants = merchants;
		this.payments = payments;
		this.operations = operations;
		this.calls = calls;
		this.transactions = transactions;
		this.provider = provider;
		this.clock = clock;
	}

	@Override
	public Outcome authorize(Charge charge) {
		Billing billing = merchants.find(charge.merchantId()).map(Merchant::billing).orElse(Billing.MERCHANT_PAYS);
		String method = charge.paymentMethod() == null ? null : charge.paymentMethod().trim();
		if (billing == Billing.MERCHANT_PAYS) {
			if (method != null) {
				throw InvalidInput.badRequest("paymentMethod", "is not taken: this merchant pays for its pickups");
			}
			return new Outcome("not_required");
		}
		if (method == null || method.isEmpty()) {
			throw InvalidInput.badRequest("paymentMethod",
					"is required: this merchant's customers pay at booking (a card token such as tok_visa)");
		}
		Instant now = clock.instant();
		Payment payment = Payment.start(new Payment.Terms(Ids.newId(clock), charge.orderId(), charge.merchantId(),
				charge.customerId(), provider.name(), method, charge.amountCents(), charge.currency()), now);
		Operation authorization = new Operation(Ids.newId(clock), payment.id(), OperationKind.AUTHORIZE,
				charge.amountCents(), Operation.keyFor(payment.id(), OperationKind.AUTHORIZE, null), "in_flight", 1,
				null, null, now);
		transactions.run(() -> {
			payments.insert(payment);
			operations.add(authorization.id(), payment.id(), OperationKind.AUTHORIZE, charge.amountCents(),
					authorization.idempotencyKey(), "in_flight", now);
		});
		ProviderCalls.Settled settled = calls.run(authorization);
		if (settled.status() == PaymentStatus.FAILED && settled.declined() != null) {
			throw new PaymentDeclined(settled.declined().code(), settled.declined().message());
		}
		return new Outcome(settled.status().code());
	}

	/**
	 * In a transaction of its own, read and all: never in the caller's, which may be the failed one. An order that was
	 * stored after all (a commit whose answer was lost) keeps its payment.
	 */
	@Override
	public void abandon(UUID orderId) {
		transactions.run(() -> {
			if (orders.find(orderId).isEmpty()) {
				payments.findByOrder(orderId).ifPresent(payment -> Voids.ask(operations, payment, clock));
			}
		});
	}
}
