package com.returnit.orders.internal;

import com.returnit.identity.Caller;
import com.returnit.identity.Customers;
import com.returnit.identity.Role;
import com.returnit.orders.BookingPayments;
import com.returnit.orders.internal.OrderBodies.CustomerBody;
import com.returnit.orders.internal.OrderBodies.OrderBody;
import com.returnit.orders.internal.OrderBodies.QuoteView;
import com.returnit.orders.internal.domain.CustomerContact;
import com.returnit.orders.internal.domain.Money;
import com.returnit.orders.internal.domain.Order;
import com.returnit.orders.internal.domain.OrderStatus;
import com.returnit.orders.internal.domain.PriceBreakdown;
import com.returnit.orders.internal.domain.LateFee;
import com.returnit.orders.internal.domain.Quote;
import com.returnit.orders.internal.domain.ReturnRequest;
import com.returnit.platform.AuditLog;
import com.returnit.platform.Conflict;
import com.returnit.platform.Forbidden;
import com.returnit.platform.Ids;
import com.returnit.platform.InvalidInput;
import com.returnit.platform.NotFound;
import com.returnit.platform.Rejected;
import com.returnit.policy.Eligibility;
import com.returnit.slots.PickupSlots;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Quotes, bookings, reads and cancellations, each checked against the caller: another tenant's order is a 404. */
@Service
class OrderService {

	private final Quoting quoting;
	private final QuoteRepository quotes;
	private final OrderRepository orders;
	private final Customers customers;
	private final ApplicationEventPublisher events;
	private final PricingProperties pricing;
	private final Clock clock;
	private final ObjectProvider<BookingPayments> payments;
	private final TransactionTemplate transactions;
	private final GuestBookings guests;
	private final PickupSlots slots;
	private final AuditLog audit;

	OrderService(Quoting quoting, QuoteRepository quotes, OrderRepository orders, Customers customers,
			ApplicationEventPublisher events, PricingProperties pricing, Clock clock,
			ObjectProvider<BookingPayments> payments, TransactionTemplate transactions, GuestBookings guests,
			PickupSlots slots, AuditLog audit) {
		this.audit = audit;
		this.guests = guests;
		this.slots = slots;
		this.payments = payments;
		this.transactions = transactions;
		this.quoting = quoting;
		this.quotes = quotes;
		this.orders = orders;
		this.customers = customers;
		this.events = events;
		this.pricing = pricing;
		this.clock = clock;
	}

	@Transactional
	QuoteView quote(Caller caller, ReturnRequest request) {
		guests.check(caller, request);
		Quoting.Assessment assessment = quoting.assessQuote(caller, request);
		Instant now = clock.instant();
		Quote quote = new Quote(Ids.newId(clock), caller.scope(), request, assessment.eligibility().eligible(),
				assessment.price(), assessment.breakdown(), assessment.lateFee(),
				assessment.eligibility().policyVersion(), now.plus(pricing.quoteTtl()), null, now);
		quotes.insert(quote);
		return QuoteView.of(quote.id(), assessment.eligibility(), assessment.breakdown(), assessment.lateFee(),
				quote.expiresAt());
	}

	/**
	 * Checks, prices, has payments authorize the charge, then stores the order in one transaction. The
	 * authorization runs before and outside that transaction because it may wait for a payment provider; if storing
	 * fails afterwards, the authorization is abandoned (released) once the failed transaction has rolled back, and the
	 * caller gets the store's own error.
	 */
	Order book(Caller caller, OrderBody body, @Nullable ReturnRequest request) {
		Quoting.requireQuotingRole(caller);
		Quote quote = body.quoteId() == null ? null : usableQuote(caller, body.quoteId());
		ReturnRequest booked = quote == null ? request : quote.request();
		guests.check(caller, booked);
		Quoting.Assessment assessment = quoting.assess(caller, booked);
		requireEligible(assessment.eligibility());
		Money price = quote == null ? assessment.price() : quote.price();
		PriceBreakdown breakdown = quote == null ? assessment.breakdown() : quote.breakdown();
		LateFee lateFee = quote == null || quote.lateFee() == null ? assessment.lateFee() : quote.lateFee();
		UUID customerId = customerFor(caller, body.customer());
		Order order = Order.schedule(new Order.Booking(Ids.newId(clock), booked.merchantId(), customerId,
				booked.pickup().withAccessNotes(body.accessNotes()), booked.items(), price, lateFee, assessment.eligibility().policyVersion(),
				quote == null ? null : quote.id(), breakdown, caller.sessionId(), contactOf(customerId)),
				clock.instant());
		BookingPayments payer = payments.getIfAvailable();
		boolean releaseArmed = false;
		if (payer != null) {
			payer.authorize(new BookingPayments.Charge(order.id(), booked.merchantId(), order.booking().customerId(),
					price.amountCents(), price.currency(), body.paymentMethod()));
			releaseArmed = HoldRelease.armUnlessCommitted(payer, order.id());
		}
		try {
			transactions.executeWithoutResult(status -> store(order, quote));
		}
		catch (RuntimeException e) {
			if (payer != null && !releaseArmed) {
				HoldRelease.now(payer, order.id(), e);
			}
			throw e;
		}
		return order;
	}

	private void store(Order order, @Nullable Quote quote) {
		if (quote != null && !quotes.markUsed(quote.id(), clock.instant())) {
			throw Conflict.withCode("This quote has already been booked.", "quote_used");
		}
		guests.booked(order);
		slots.hold(order.id(), Quoting.slotOf(order.booking().pickup()));
		orders.insert(order);
		order.drainEvents().forEach(events::publishEvent);
	}

	@Transactional(readOnly = true)
	Order get(Caller caller, UUID id) {
		return orders.find(id).filter(order -> canSee(caller, order)).orElseThrow(() -> new NotFound("Order"));
	}

	@Transactional(readOnly = true)
	List<Order> page(Caller caller, OrderFilter filter, @Nullable UUID startingAfter, int limit) {
		return orders.page(scopeOf(caller), filter, startingAfter, limit);
	}

	/** The orders a caller may list: their own, the merchant's, the driver's; every order for operators. */
	static OrderRepository.Scope scopeOf(Caller caller) {
		return switch (caller.role()) {
			case CUSTOMER -> new OrderRepository.Scope(caller.id(), null, null, caller.sessionId());
			case MERCHANT -> new OrderRepository.Scope(null, caller.id(), null);
			case DRIVER -> new OrderRepository.Scope(null, null, caller.id());
			case OPERATOR -> new OrderRepository.Scope(null, null, null);
		};
	}

	/**
	 * Cancels; {@code acceptedFeeCents}, when given, is the fee the caller was shown and agreed to: a higher fee now
	 * (the late fee began meanwhile) refuses the cancellation with 409 {@code fee_changed} rather than charging it.
	 * An operator cancelling on the customer's behalf is audited.
	 */
	@Transactional
	Order cancel(Caller caller, UUID id, String reason, @Nullable Long acceptedFeeCents) {
		Order order = get(caller, id);
		if (caller.role() == Role.DRIVER) {
			throw new Forbidden("Drivers cannot cancel orders; report a failed pickup instead.");
		}
		Instant now = clock.instant();
		long fee = order.booking().lateFee().feeAt(now);
		if (acceptedFeeCents != null && fee > acceptedFeeCents) {
			throw new Conflict("Cancelling now costs " + fee + " cents (" + order.booking().price().currency()
					+ "), more than the " + acceptedFeeCents + " accepted: the late fee applies from "
					+ order.booking().lateFee().appliesFrom() + ".", java.util.Map.of("code", "fee_changed", "feeCents", fee));
		}
		order.cancel(reason, now);
		orders.update(order);
		if (caller.isOperator()) {
			audit.record("order.cancelled_by_operator", "order", id, Map.of("feeCents", fee));
		}
		slots.release(order.id());
		order.drainEvents().forEach(events::publishEvent);
		return order;
	}

	private Quote usableQuote(Caller caller, UUID quoteId) {
		Quote quote = quotes.find(quoteId, caller.scope()).orElseThrow(() -> new NotFound("Quote"));
		if (quote.usedAt() != null) {
			throw Conflict.withCode("This quote has already been booked.", "quote_used");
		}
		if (quote.expiredAt(clock.instant())) {
			throw Conflict.withCode("This quote expired at " + quote.expiresAt() + "; ask for a new one.", "quote_expired");
		}
		return quote;
	}

	private UUID customerFor(Caller caller, @Nullable CustomerBody customer) {
		if (caller.role() == Role.CUSTOMER) {
			if (customer != null) {
				throw InvalidInput.badRequest("customer", "is only for merchants booking on a customer's behalf");
			}
			return caller.id();
		}
		if (customer == null) {
			throw InvalidInput.badRequest("customer", "is required when a merchant books: {name, email, phone?}");
		}
		return customers.findOrCreate(customer.email(), customer.name(), customer.phone());
	}

	/** The customer's name and email as their account holds them now, kept with the order for its merchant. */
	private @Nullable CustomerContact contactOf(UUID customerId) {
		return customers.contact(customerId).map(c -> new CustomerContact(c.name(), c.email())).orElse(null);
	}

	private static void requireEligible(Eligibility eligibility) {
		if (eligibility.eligible()) {
			return;
		}
		List<Rejected.Violation> violations = new ArrayList<>();
		eligibility.pickupReasons().forEach(r -> violations.add(new Rejected.Violation(null, r.rule(), r.message())));
		eligibility.items().forEach(item -> item.reasons()
			.forEach(r -> violations.add(new Rejected.Violation(item.sku(), r.rule(), r.message()))));
		throw new Rejected("The return is not eligible: " + violations.size() + " rule(s) broken.", violations);
	}

	/** Who may see an order; a guest only the order booked from its return session (ADR 0035). */
	static boolean canSee(Caller caller, Order order) {
		return switch (caller.role()) {
			case OPERATOR -> true;
			case CUSTOMER -> caller.id().equals(order.booking().customerId())
					&& (!caller.isGuest() || Objects.equals(caller.sessionId(), order.booking().returnSessionId()));
			case MERCHANT -> caller.id().equals(order.booking().merchantId());
			case DRIVER -> caller.id().equals(order.driverId());
		};
	}
}
