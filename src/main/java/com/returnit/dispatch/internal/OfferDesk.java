package com.returnit.dispatch.internal;

import com.returnit.dispatch.internal.domain.DispatchJob;
import com.returnit.identity.Caller;
import com.returnit.identity.Role;
import com.returnit.orders.OrderCancelled;
import com.returnit.orders.OrderScheduled;
import com.returnit.orders.Orders;
import com.returnit.platform.Conflict;
import com.returnit.platform.Forbidden;
import com.returnit.platform.NotFound;
import com.returnit.policy.ServiceAreas;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Where drivers answer offers, and where orders enter and leave dispatch. */
@Service
class OfferDesk {

	private final JobRepository jobs;
	private final OfferRepository offers;
	private final Dispatcher dispatcher;
	private final Orders orders;
	private final DispatchProperties properties;
	private final Clock clock;
	private final OfferMetrics metrics;
	private final ServiceAreas areas;

	OfferDesk(JobRepository jobs, OfferRepository offers, Dispatcher dispatcher, Orders orders,
			DispatchProperties properties, Clock clock, OfferMetrics metrics, ServiceAreas areas) {
		this.jobs = jobs;
		this.offers = offers;
		this.dispatcher = dispatcher;
		this.orders = orders;
		this.properties = properties;
		this.clock = clock;
		this.metrics = metrics;
		this.areas = areas;
	}

	/** The order becomes a dispatch job, at the place its event carries (read from the order for older events). */
	@Transactional
	void schedule(OrderScheduled scheduled) {
		if (scheduled.lat() != null && scheduled.lng() != null) {
			schedule(scheduled, scheduled.lat(), scheduled.lng());
			return;
		}
		orders.find(scheduled.orderId()).ifPresent(order -> schedule(scheduled, order.lat(), order.lng()));
	}

	private void schedule(OrderScheduled scheduled, double lat, double lng) {
		Instant now = clock.instant();
		@Nullable UUID area = areas.containing(lat, lng).map(ServiceAreas.Area::id).orElse(null);
		jobs.insert(new DispatchJob(scheduled.orderId(), lat, lng, scheduled.itemCount(), scheduled.windowStart(),
				DispatchJob.dispatchTime(scheduled.windowStart(), properties.leadTime(), now), "pending", 0, now, area),
				now);
	}

	@Transactional
	void cancel(OrderCancelled cancelled) {
		jobs.lock(cancelled.orderId()).ifPresent(job -> {
			Instant now = clock.instant();
			offers.withdrawOpen(job.orderId(), now);
			jobs.update(job.orderId(), "cancelled", job.misses(), now, now);
		});
	}

	/** The driver takes the order: only an open, unexpired offer of their own can win, and only once. */
	@Transactional
	Offer accept(Caller caller, UUID offerId) {
		UUID driverId = requireDriver(caller);
		UUID orderId = offers.respond(offerId, driverId, "accepted", clock.instant())
			.orElseThrow(() -> notOpen(offerId, driverId));
		orders.assign(orderId, driverId);
		metrics.accepted();
		jobs.lock(orderId).ifPresent(job -> jobs.update(orderId, "assigned", job.misses(), clock.instant(), clock.instant()));
		return offers.find(offerId).orElseThrow();
	}

	@Transactional
	Offer decline(Caller caller, UUID offerId) {
		UUID driverId = requireDriver(caller);
		UUID orderId = offers.respond(offerId, driverId, "declined", clock.instant())
			.orElseThrow(() -> notOpen(offerId, driverId));
		metrics.declined();
		jobs.lock(orderId).ifPresent(dispatcher::missed);
		return offers.find(offerId).orElseThrow();
	}

	@Transactional(readOnly = true)
	List<Offer> openOffers(Caller caller) {
		return offers.openFor(requireDriver(caller), clock.instant());
	}

	private RuntimeException notOpen(UUID offerId, UUID driverId) {
		return offers.find(offerId).filter(offer -> offer.driverId().equals(driverId))
			.<RuntimeException>map(offer -> new Conflict("This offer is " + (offer.status().equals("offered")
					? "expired" : offer.status()) + " and can no longer be answered."))
			.orElseGet(() -> new NotFound("Offer"));
	}

	private static UUID requireDriver(Caller caller) {
		if (caller.role() != Role.DRIVER) {
			throw new Forbidden("Only drivers answer offers.");
		}
		return caller.id();
	}
}
