package com.returnit.payments.internal;

import com.returnit.orders.Orders;
import com.returnit.payments.internal.domain.Payment;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The janitor. Calls left in flight longer than {@code stuck-after} (their node died between the provider's answer
 * and the commit) are settled by asking the provider about their idempotency key. Authorizations whose booking was
 * never stored (the node died before the order's commit) are released.
 */
@Component
class Reconciler {

	private static final Logger log = LoggerFactory.getLogger(Reconciler.class);
	private static final Duration ORPHAN_HORIZON = Duration.ofHours(1);

	private final OperationQueue operations;
	private final PaymentRepository payments;
	private final ProviderCalls calls;
	private final OwnTransactions transactions;
	private final Orders orders;
	private final PaymentsProperties properties;
	private final Clock clock;

	Reconciler(OperationQueue operations, PaymentRepository payments, ProviderCalls calls,
			OwnTransactions transactions, Orders orders, PaymentsProperties properties, Clock clock) {
		this.operations = operations;
		this.payments = payments;
		this.calls = calls;
		this.transactions = transactions;
		this.orders = orders;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${returnit.payments.reconciler.interval:30s}",
			initialDelayString = "${returnit.payments.reconciler.interval:30s}")
	void reconcile() {
		Instant now = clock.instant();
		Instant stuckBefore = now.minus(properties.reconciler().stuckAfter());
		List<Operation> stuck = transactions.run(() -> operations.claimStuck(stuckBefore, now, 100));
		for (Operation operation : stuck) {
			try {
				calls.reconcile(operation);
			}
			catch (RuntimeException e) {
				log.error("Could not reconcile payment operation {}", operation.id(), e);
			}
		}
		for (Payment payment : payments.openCreatedBetween(now.minus(ORPHAN_HORIZON), stuckBefore)) {
			if (orders.find(payment.terms().orderId()).isEmpty()) {
				log.warn("Payment {} has no order {}: releasing its authorization", payment.id(),
						payment.terms().orderId());
				transactions.run(() -> Voids.ask(operations, payment, clock));
			}
		}
	}
}
