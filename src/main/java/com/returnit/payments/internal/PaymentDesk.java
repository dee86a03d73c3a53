package com.returnit.payments.internal;

import com.returnit.identity.Caller;
import com.returnit.identity.Role;
import com.returnit.orders.Orders;
import com.returnit.payments.internal.PaymentBodies.PaymentView;
import com.returnit.payments.internal.domain.OperationKind;
import com.returnit.payments.internal.domain.Payment;
import com.returnit.payments.internal.domain.Refunds;
import com.returnit.platform.AuditLog;
import com.returnit.platform.Conflict;
import com.returnit.platform.Forbidden;
import com.returnit.platform.Ids;
import com.returnit.platform.InvalidInput;
import com.returnit.platform.NotFound;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** A payment as its order's customer, merchant or an operator sees it, and refunds by merchants and operators. */
@Service
class PaymentDesk {

	/** The payment after a refund was asked for, and whether the provider has done it yet. */
	record RefundOutcome(PaymentView payment, boolean completed) {
	}

	private final Orders orders;
	private final PaymentRepository payments;
	private final OperationQueue operations;
	private final ProviderCalls calls;
	private final OwnTransactions transactions;
	private final Clock clock;
	private final AuditLog audit;

	PaymentDesk(Orders orders, PaymentRepository payments, OperationQueue operations, ProviderCalls calls,
			OwnTransactions transactions, Clock clock, AuditLog audit) {
		this.audit = audit;
		this.orders = orders;
		this.payments = payments;
		this.operations = operations;
		this.calls = calls;
		this.transactions = transactions;
		this.clock = clock;
	}

	PaymentView view(Caller caller, UUID orderId) {
		Orders.Summary order = orders.findVisible(caller, orderId).orElseThrow(() -> new NotFound("Order"));
		if (caller.role() == Role.DRIVER) {
			throw new Forbidden("Drivers do not see payments.");
		}
		return payments.findByOrder(orderId)
			.map(p -> PaymentView.of(p, operations.of(p.id())))
			.orElseGet(() -> PaymentView.merchantPays(orderId, order.priceCents(), order.currency()));
	}

	/** Queues the refund under the payment's lock (never more than captured), then asks the provider at once. */
	RefundOutcome refund(Caller caller, UUID orderId, long amount, String reason) {
		orders.findVisible(caller, orderId).orElseThrow(() -> new NotFound("Order"));
		if (caller.role() != Role.MERCHANT && caller.role() != Role.OPERATOR) {
			throw new Forbidden("Only the order's merchant or an operator refunds.");
		}
		Payment payment = payments.findByOrder(orderId).orElseThrow(
				() -> new Conflict("The merchant pays for this order's pickup: there is no customer payment to refund."));
		UUID refundId = Ids.newId(clock);
		// claimed in the transaction that queues it: the retry worker never sees it queued and takes it first
		Optional<Operation> claimed = transactions.run(() -> {
			Payment locked = payments.lock(payment.id()).orElseThrow();
			Refunds.Refusal refusal = Refunds.refusal(locked, amount, operations.pendingRefunds(locked.id()));
			if (refusal != null && refusal.conflict()) {
				throw new Conflict("The payment " + refusal.message() + ".");
			}
			if (refusal != null) {
				throw InvalidInput.unprocessable(refusal.field(), refusal.message());
			}
			String key = Operation.keyFor(locked.id(), OperationKind.REFUND,
					String.valueOf(operations.countRefunds(locked.id()) + 1));
			operations.add(refundId, locked.id(), OperationKind.REFUND, amount, key, "queued", clock.instant());
			operations.reason(refundId, reason);
			audit.record("refund.requested", "order", orderId,
					Map.of("refundId", refundId.toString(), "amountCents", amount, "reason", reason));
			return operations.claim(refundId, clock.instant());
		});
		boolean completed = claimed.map(calls::run)
			.isPresent() && operations.of(payment.id()).stream()
				.anyMatch(o -> o.id().equals(refundId) && "succeeded".equals(o.status()));
		Payment after = payments.find(payment.id()).orElseThrow();
		return new RefundOutcome(PaymentView.of(after, operations.of(after.id())), completed);
	}
}
