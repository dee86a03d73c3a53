package com.returnit.orders.internal;

import com.returnit.identity.Caller;
import com.returnit.identity.Role;
import com.returnit.merchants.Hub;
import com.returnit.merchants.Merchant;
import com.returnit.merchants.Merchants;
import com.returnit.orders.internal.domain.BookingWindow;
import com.returnit.orders.internal.domain.LateFee;
import com.returnit.orders.internal.domain.Money;
import com.returnit.orders.internal.domain.OrderItem;
import com.returnit.orders.internal.domain.Pickup;
import com.returnit.orders.internal.domain.PriceBreakdown;
import com.returnit.orders.internal.domain.ReturnRequest;
import com.returnit.platform.FieldError;
import com.returnit.platform.Forbidden;
import com.returnit.platform.Geo;
import com.returnit.platform.InvalidInput;
import com.returnit.policy.Eligibility;
import com.returnit.policy.LateCancellationTerms;
import com.returnit.policy.PickupRequest;
import com.returnit.policy.Policies;
import com.returnit.policy.Reason;
import com.returnit.policy.ReturnItem;
import com.returnit.slots.PickupSlots;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/** Checks a return request against the window rules, the merchant's policy and the service areas, and prices it. */
@Component
class Quoting {

	/** The verdict, the price in its parts, and the late-cancellation fee the customer is told of before booking. */
	record Assessment(Eligibility eligibility, PriceBreakdown breakdown, LateFee lateFee) {

		Money price() {
			return breakdown.total();
		}
	}

	private final Merchants merchants;
	private final Policies policies;
	private final PricingProperties pricing;
	private final Clock clock;
	private final PickupSlots slots;

	Quoting(Merchants merchants, Policies policies, PricingProperties pricing, Clock clock, PickupSlots slots) {
		this.slots = slots;
		this.merchants = merchants;
		this.policies = policies;
		this.pricing = pricing;
		this.clock = clock;
	}

	Assessment assess(Caller caller, ReturnRequest request) {
		requireQuotingRole(caller);
		Merchant merchant = merchantFor(caller, request);
		List<FieldError> windowProblems = BookingWindow.problems(request.pickup().windowStart(),
				request.pickup().windowEnd(), clock.instant());
		if (!windowProblems.isEmpty()) {
			throw new InvalidInput(400, windowProblems);
		}
		Pickup p = request.pickup();
		Eligibility eligibility = policies.check(merchant.id(),
				new PickupRequest(p.address(), p.lat(), p.lng(), p.windowStart(), p.windowEnd()),
				request.items().stream().map(Quoting::toReturnItem).toList());
		double km = merchant.hubs().stream()
			.mapToDouble(hub -> distance(hub, p))
			.min().orElse(0);
		PriceBreakdown breakdown = pricing.pricing().breakdown(request.items().size(), km);
		LateCancellationTerms late = policies.lateCancellation(merchant.id());
		return new Assessment(eligibility, breakdown,
				LateFee.of(late.feeCents(), breakdown.total(), late.appliesFrom(p.windowStart())));
	}

	/**
	 * As {@link #assess}, and the pickup reasons also say when the window is not a bookable pickup slot of the area
	 * (not one of its windows, too soon, full). Only for quotes: a booking holds its seat atomically instead.
	 */
	Assessment assessQuote(Caller caller, ReturnRequest request) {
		Assessment assessment = assess(caller, request);
		List<Reason> slotReasons = slots.reasons(slotOf(request.pickup()));
		if (slotReasons.isEmpty()) {
			return assessment;
		}
		Eligibility e = assessment.eligibility();
		return new Assessment(new Eligibility(e.policyVersion(),
				Stream.concat(e.pickupReasons().stream(), slotReasons.stream()).toList(), e.items()),
				assessment.breakdown(), assessment.lateFee());
	}

	static PickupSlots.SlotRequest slotOf(Pickup pickup) {
		return new PickupSlots.SlotRequest(pickup.lat(), pickup.lng(), pickup.windowStart(), pickup.windowEnd());
	}

	static void requireQuotingRole(Caller caller) {
		if (caller.role() != Role.CUSTOMER && caller.role() != Role.MERCHANT) {
			throw new Forbidden("Only customers, and merchants on their behalf, quote and book returns.");
		}
	}

	/** A merchant may only quote for itself; naming another merchant looks like naming none. */
	private Merchant merchantFor(Caller caller, ReturnRequest request) {
		if (caller.role() == Role.MERCHANT && !caller.isMerchant(request.merchantId())) {
			throw InvalidInput.unprocessable("merchantId", "is not a merchant you can book for");
		}
		return merchants.find(request.merchantId())
			.orElseThrow(() -> InvalidInput.unprocessable("merchantId", "no merchant with this id"));
	}

	private static double distance(Hub hub, Pickup pickup) {
		return Geo.distanceKm(hub.lat(), hub.lng(), pickup.lat(), pickup.lng());
	}

	static ReturnItem toReturnItem(OrderItem item) {
		return new ReturnItem(item.sku(), item.description(), item.category(), item.purchasedAt(), item.valueCents(),
				item.merchantOrderRef(), item.tagsAttached());
	}
}
