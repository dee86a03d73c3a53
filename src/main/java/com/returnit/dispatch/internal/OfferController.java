package com.returnit.dispatch.internal;

import com.returnit.identity.Caller;
import com.returnit.orders.Orders;
import com.returnit.payments.DriverEarnings;
import com.returnit.platform.Forbidden;
import com.returnit.platform.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Dispatch")
class OfferController {

	record OfferPickupView(String address, double lat, double lng, Instant windowStart, Instant windowEnd) {
	}

	/** {@code earnings}: what the driver earns for collecting every item, by the rates the ledger pays with. */
	record OfferView(UUID id, UUID orderId, String status, double distanceKm, Instant expiresAt,
			@Nullable Instant respondedAt, @Nullable OfferPickupView pickup, List<Orders.Item> items,
			@Nullable OfferEarnings earnings) {
	}

	record OfferEarnings(long amountCents, String currency) {
	}

	record Page<T>(List<T> data) {
	}

	record UnassignedView(UUID orderId, int misses, Instant windowStart) {
	}

	private final OfferDesk desk;
	private final OfferRepository offers;
	private final JobRepository jobs;
	private final Orders orders;
	private final DriverEarnings earnings;

	OfferController(OfferDesk desk, OfferRepository offers, JobRepository jobs, Orders orders,
			DriverEarnings earnings) {
		this.desk = desk;
		this.offers = offers;
		this.jobs = jobs;
		this.orders = orders;
		this.earnings = earnings;
	}

	@GetMapping("/v1/drivers/me/offers")
	@Operation(summary = "The driver's open offers, with where to pick up and what")
	Page<OfferView> myOffers(@AuthenticationPrincipal Caller caller) {
		return new Page<>(desk.openOffers(caller).stream().map(this::view).toList());
	}

	@PostMapping("/v1/offers/{id}/accept")
	@Operation(summary = "Take the order; 409 when the offer expired or was already answered")
	OfferView accept(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		return view(desk.accept(caller, id));
	}

	@PostMapping("/v1/offers/{id}/decline")
	@Operation(summary = "Pass on the order; it goes to the next driver")
	OfferView decline(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		return view(desk.decline(caller, id));
	}

	@GetMapping("/v1/orders/{id}/offers")
	@Operation(summary = "Every offer made for an order, in order (operators): the audit trail of dispatch")
	Page<OfferView> offersOf(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		requireOperator(caller);
		orders.find(id).orElseThrow(() -> new NotFound("Order"));
		return new Page<>(offers.ofOrder(id).stream().map(this::view).toList());
	}

	@GetMapping("/v1/dispatch/unassigned")
	@Operation(summary = "Orders no driver took (operators)")
	Page<UnassignedView> unassigned(@AuthenticationPrincipal Caller caller) {
		requireOperator(caller);
		return new Page<>(jobs.unassigned(100).stream()
			.map(job -> new UnassignedView(job.orderId(), job.misses(), job.windowStart())).toList());
	}

	private OfferView view(Offer offer) {
		var order = orders.find(offer.orderId());
		return new OfferView(offer.id(), offer.orderId(), offer.status(), offer.distanceKm(), offer.expiresAt(),
				offer.respondedAt(),
				order.map(o -> new OfferPickupView(o.address(), o.lat(), o.lng(), o.windowStart(), o.windowEnd())).orElse(null),
				order.map(Orders.Summary::items).orElse(List.of()),
				earnings.estimate(offer.orderId()).map(e -> new OfferEarnings(e.amountCents(), e.currency()))
					.orElse(null));
	}

	private static void requireOperator(Caller caller) {
		if (!caller.isOperator()) {
			throw new Forbidden("Only operators see dispatch internals.");
		}
	}
}
