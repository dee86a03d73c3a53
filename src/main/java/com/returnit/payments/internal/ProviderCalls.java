package com.returnit.payments.internal;

import com.returnit.payments.PaymentCaptured;
import com.returnit.payments.PaymentFailed;
import com.returnit.payments.RefundCreated;
import com.returnit.payments.internal.domain.OperationKind;
import com.returnit.payments.internal.domain.Payment;
import com.returnit.payments.internal.domain.PaymentStatus;
import com.returnit.payments.internal.domain.Postings;
import com.returnit.payments.internal.provider.GuardedProvider;
import com.returnit.payments.internal.provider.ProviderRequest;
import com.returnit.payments.internal.provider.ProviderResult;
import com.returnit.payments.internal.provider.ProviderUnavailable;
import com.returnit.platform.Ids;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Runs one in-flight operation: the call to the provider outside any transaction, then its answer applied to the
 * payment, the operation and the ledger in one transaction. No answer (outage, timeout, open circuit) puts the call
 * back in the queue on a backoff; a crash between the call and the commit leaves it in flight for the reconciler.
 */
@Component
class ProviderCalls {

	/** The payment's status after the call, and the decline if there was one. */
	record Settled(PaymentStatus status, ProviderResult.@Nullable Declined declined) {
	}

	private static final Logger log = LoggerFactory.getLogger(ProviderCalls.class);

	private final GuardedProvider provider;
	private final PaymentRepository payments;
	private final OperationQueue operations;
	private final Ledger ledger;
	private final OwnTransactions transactions;
	private final PaymentsProperties properties;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	ProviderCalls(GuardedProvider provider, PaymentRepository payments, OperationQueue operations, Ledger ledger,
			OwnTransactions transactions, PaymentsProperties properties, Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.provider = provider;
		this.payments = payments;
		this.operations = operations;
		this.ledger = ledger;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	/** Calls the provider for an operation this node has claimed (status in_flight) and applies the answer. */
	Settled run(Operation operation) {
		Payment payment = payments.find(operation.paymentId()).orElseThrow();
		String skip = pointless(operation, payment);
		if (skip != null) {
			return transactions.run(() -> cancel(operation, skip));
		}
		ProviderResult result;
		try {
			result = provider.execute(request(operation, payment));
		}
		catch (ProviderUnavailable e) {
			return transactions.run(() -> postpone(operation, e.getMessage()));
		}
		haltForCrashDrill(operation);
		return transactions.run(() -> apply(operation, result));
	}

	/** Asks the provider what became of a call whose answer was lost; settles it, or queues it again if unknown. */
	Settled reconcile(Operation operation) {
		Payment payment = payments.find(operation.paymentId()).orElseThrow();
		Optional<ProviderResult> known;
		try {
			known = pointless(operation, payment) != null ? Optional.empty()
					: provider.lookup(request(operation, payment));
		}
		catch (ProviderUnavailable e) {
			return transactions.run(() -> postpone(operation, e.getMessage()));
		}
		log.warn("Reconciling {} {} of payment {}: provider knows {}", operation.kind().code(), operation.id(),
				payment.id(), known.map(Object::toString).orElse("nothing; queued again"));
		return known.map(result -> transactions.run(() -> apply(operation, result)))
			.orElseGet(() -> transactions.run(() -> postpone(operation, "reconciled: the provider has no record")));
	}

	static ProviderRequest request(Operation operation, Payment payment) {
		String target = operation.kind() == OperationKind.AUTHORIZE ? payment.terms().paymentMethod()
				: String.valueOf(payment.providerRef());
		return new ProviderRequest(ProviderRequest.Operation.valueOf(operation.kind().name()),
				operation.idempotencyKey(), operation.amountCents(), payment.terms().currency(), target);
	}

	/** Why calling would make no sense any more (the payment moved on), or null. */
	private static @Nullable String pointless(Operation operation, Payment payment) {
		PaymentStatus s = payment.status();
		boolean sensible = switch (operation.kind()) {
			case AUTHORIZE -> s == PaymentStatus.REQUIRES_PAYMENT_METHOD || s == PaymentStatus.PAYMENT_PENDING;
			case CAPTURE, VOID -> s == PaymentStatus.AUTHORIZED;
			case REFUND -> s.captured();
		};
		return sensible ? null : "the payment is " + s.code();
	}

	private Settled apply(Operation claimed, ProviderResult result) {
		Payment payment = payments.lock(claimed.paymentId()).orElseThrow();
		Operation operation = operations.lock(claimed.id()).orElseThrow();
		Instant now = clock.instant();
		if (!"in_flight".equals(operation.status())) {
			return new Settled(payment.status(), null);
		}
		if (result instanceof ProviderResult.Declined declined) {
			if (operation.kind() == OperationKind.AUTHORIZE || operation.kind() == OperationKind.CAPTURE) {
				// a decline while booking is answered 402 and leaves no order: only a booked order's payment fails
				boolean booked = operation.kind() == OperationKind.CAPTURE
						|| payment.status() == PaymentStatus.PAYMENT_PENDING;
				payment.failed(declined.code() + ": " + declined.message(), now);
				payments.update(payment);
				if (booked) {
					events.publishEvent(new PaymentFailed(payment.id(), payment.terms().orderId(),
							payment.terms().merchantId(), operation.kind().code(), declined.code(), declined.message(),
							now));
				}
			}
			operations.finish(operation.id(), "declined", null, declined.code() + ": " + declined.message(), now);
			return new Settled(payment.status(), declined);
		}
		ProviderResult.Succeeded done = (ProviderResult.Succeeded) result;
		switch (operation.kind()) {
			case AUTHORIZE -> payment.authorized(done.reference(), now);
			case CAPTURE -> {
				payment.captured(operation.amountCents(), now);
				ledger.post(Postings.capture(Ids.newId(clock), operation.id(), payment.terms().orderId(),
						payment.terms().customerId(), operation.amountCents(), done.feeCents(),
						payment.terms().currency(), now));
				events.publishEvent(new PaymentCaptured(payment.id(), payment.terms().orderId(),
						payment.terms().merchantId(), operation.amountCents(), payment.terms().currency(), now));
			}
			case VOID -> payment.voided(now);
			case REFUND -> {
				payment.refunded(operation.amountCents(), now);
				ledger.post(Postings.refund(Ids.newId(clock), operation.id(), payment.terms().orderId(),
						payment.terms().customerId(), operation.amountCents(), payment.terms().currency(), now));
				events.publishEvent(new RefundCreated(operation.id(), payment.id(), payment.terms().orderId(),
						payment.terms().merchantId(), operation.amountCents(), payment.terms().currency(), now));
			}
		}
		payments.update(payment);
		operations.finish(operation.id(), "succeeded", done.reference(), null, now);
		return new Settled(payment.status(), null);
	}

	private Settled postpone(Operation operation, String error) {
		Instant now = clock.instant();
		operations.requeue(operation.id(), now.plus(backoff(operation.attempts())), error, now);
		Payment payment = payments.lock(operation.paymentId()).orElseThrow();
		if (operation.kind() == OperationKind.AUTHORIZE
				&& payment.status() == PaymentStatus.REQUIRES_PAYMENT_METHOD) {
			payment.authorizationPending(now);
			payments.update(payment);
		}
		return new Settled(payment.status(), null);
	}

	private Settled cancel(Operation operation, String reason) {
		operations.finish(operation.id(), "cancelled", null, reason, clock.instant());
		return new Settled(payments.find(operation.paymentId()).orElseThrow().status(), null);
	}

	private Duration backoff(int attempts) {
		Duration base = properties.retry().backoff();
		Duration grown = base.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
		return grown.compareTo(properties.retry().maxBackoff()) > 0 ? properties.retry().maxBackoff() : grown;
	}

	/** The crash drill: the process dies right after the provider answered, before anything is committed. */
	private void haltForCrashDrill(Operation operation) {
		if (operation.kind().code().equals(properties.haltAfterProviderCall())) {
			log.error("Crash drill: halting after the provider's answer to {} {}", operation.kind().code(),
					operation.id());
			Runtime.getRuntime().halt(99);
		}
	}
}
