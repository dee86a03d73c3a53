package com.returnit.payments.internal;

import com.returnit.orders.OrderCancelled;
import com.returnit.orders.OrderFailed;
import com.returnit.orders.OrderPickedUp;
import com.returnit.orders.Orders;
import com.returnit.payments.internal.domain.EarningRates;
import com.returnit.payments.internal.domain.OperationKind;
import com.returnit.payments.internal.domain.Payment;
import com.returnit.payments.internal.domain.Postings;
import com.returnit.platform.Ids;
import java.time.Clock;
import java.util.Optional;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Money that follows from what happens to orders. Events come at least once, so everything here is idempotent: a
 * capture or void is queued under its idempotency key, a ledger entry under its (kind, reference).
 */
@Component
class PaymentListeners {

	private final Orders orders;
	private final EarningEstimates estimates;
	private final PaymentRepository payments;
	private final OperationQueue operations;
	private final Ledger ledger;
	private final PaymentsProperties properties;
	private final Clock clock;

	PaymentListeners(Orders orders, EarningEstimates estimates, PaymentRepository payments, OperationQueue operations,
			Ledger ledger, PaymentsProperties properties, Clock clock) {
		this.orders = orders;
		this.estimates = estimates;
		this.payments = payments;
		this.operations = operations;
		this.ledger = ledger;
		this.properties = properties;
		this.clock = clock;
	}

	/** Pickup: the driver earns, and the customer's authorization is captured or the merchant is billed. */
	@ApplicationModuleListener
	void on(OrderPickedUp event) {
		Orders.Summary order = orders.find(event.orderId()).orElseThrow();
		earn(event, order);
		Optional<Payment> payment = payments.findByOrder(order.id());
		if (payment.isPresent()) {
			capture(payment.get(), payment.get().terms().amountCents());
		}
		else if (order.priceCents() > 0) {
			ledger.post(Postings.merchantCharge(Ids.newId(clock), "merchant_pickup", order.id(), order.merchantId(),
					order.priceCents(), order.currency(), event.occurredAt()));
		}
	}

	/**
	 * Cancellation: the authorization is released, or, when late, the fee the order was booked with (its merchant's
	 * policy) is captured from it (the provider releases the rest) or billed to the merchant.
	 */
	@ApplicationModuleListener
	void on(OrderCancelled event) {
		Orders.Summary order = orders.find(event.orderId()).orElseThrow();
		// the orders module's own rule, the one GET /v1/orders/{id}/cancellation showed the customer at this instant
		long fee = order.cancellationFeeAt(event.occurredAt());
		Optional<Payment> payment = payments.findByOrder(order.id());
		if (payment.isPresent()) {
			long capped = Math.min(fee, payment.get().terms().amountCents());
			if (capped > 0) {
				capture(payment.get(), capped);
			}
			else {
				Voids.ask(operations, payment.get(), clock);
			}
		}
		else if (fee > 0) {
			ledger.post(Postings.merchantCharge(Ids.newId(clock), "late_cancellation", order.id(), order.merchantId(),
					Math.min(fee, order.priceCents()), order.currency(), event.occurredAt()));
		}
	}

	/** A pickup that could not happen (customer absent, items not ready...) releases the authorization. */
	@ApplicationModuleListener
	void on(OrderFailed event) {
		payments.findByOrder(event.orderId()).ifPresent(payment -> Voids.ask(operations, payment, clock));
	}

	private void capture(Payment payment, long amount) {
		operations.add(Ids.newId(clock), payment.id(), OperationKind.CAPTURE, amount,
				Operation.keyFor(payment.id(), OperationKind.CAPTURE, null), "queued", clock.instant());
	}

	private void earn(OrderPickedUp event, Orders.Summary order) {
		EarningRates rates = properties.earningRates();
		double km = estimates.kmToNearestHub(order);
		int collected = (int) event.items().stream().filter(OrderPickedUp.ItemVerification::verified).count();
		long earning = rates.earningFor(collected, km);
		if (earning > 0) {
			ledger.post(Postings.driverEarning(Ids.newId(clock), order.id(), event.driverId(), earning,
					rates.currency(), event.occurredAt()));
		}
	}
}
