package com.returnit.dispatch.internal;

import com.returnit.dispatch.internal.domain.Candidate;
import com.returnit.dispatch.internal.domain.DriverMatching;
import com.returnit.identity.Caller;
import com.returnit.identity.Drivers;
import com.returnit.orders.Orders;
import com.returnit.platform.AuditLog;
import com.returnit.platform.Conflict;
import com.returnit.platform.Forbidden;
import com.returnit.platform.InvalidInput;
import com.returnit.platform.NotFound;
import com.returnit.tracking.DriverLocator;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Operators steering dispatch by hand: assign an order to a driver, move it to another, or take it back. The
 * invariants are dispatch's own: one driver per order (the order's version decides between concurrent changes), a
 * driver on shift, whose vehicle fits the order and who has room for its parcels (checked under a lock on that
 * driver, so two assignments cannot both take the last room). Open offers of the order are withdrawn and the job's
 * state follows. Each change is audited with the operator as actor; the drivers' apps hear of it through the
 * order's stream ({@code order.status} and {@code order.driver}). Locks are taken in the order a driver's accept
 * takes them (offers, then the order, then the job).
 */
@Service
class ManualDispatch {

	/** What an operator's change left: the order's status and driver, and the dispatch job's state. */
	record Outcome(UUID orderId, String status, @Nullable UUID driverId, @Nullable UUID previousDriverId,
			@Nullable String dispatchStatus) {
	}

	private final Orders orders;
	private final Drivers drivers;
	private final DriverLocator locator;
	private final JobRepository jobs;
	private final OfferRepository offers;
	private final AuditLog audit;
	private final JdbcClient jdbc;
	private final Clock clock;

	ManualDispatch(Orders orders, Drivers drivers, DriverLocator locator, JobRepository jobs, OfferRepository offers,
			AuditLog audit, JdbcClient jdbc, Clock clock) {
		this.orders = orders;
		this.drivers = drivers;
		this.locator = locator;
		this.jobs = jobs;
		this.offers = offers;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional
	Outcome assign(Caller caller, UUID orderId, UUID driverId) {
		requireOperator(caller);
		Orders.Summary order = orders.find(orderId).orElseThrow(() -> new NotFound("Order"));
		if (!"scheduled".equals(order.status())) {
			throw Conflict.withCode("The order is " + order.status() + (order.driverId() == null ? ""
					: " (driver " + order.driverId() + ")") + "; only a scheduled order is assigned, reassign it instead.",
					"order_not_assignable");
		}
		requireAbleToTake(driverId, order);
		Instant now = clock.instant();
		offers.withdrawOpen(orderId, now);
		orders.assign(orderId, driverId);
		String job = jobNow(orderId, "assigned", now);
		audit.record("dispatch.assigned", "order", orderId, detail(driverId, null, null));
		return new Outcome(orderId, "assigned", driverId, null, job);
	}

	@Transactional
	Outcome reassign(Caller caller, UUID orderId, UUID driverId, @Nullable UUID fromDriverId) {
		requireOperator(caller);
		Orders.Summary order = orders.find(orderId).orElseThrow(() -> new NotFound("Order"));
		if (driverId.equals(order.driverId())) {
			throw InvalidInput.unprocessable("driverId", "is already the order's driver");
		}
		requireAbleToTake(driverId, order);
		Instant now = clock.instant();
		offers.withdrawOpen(orderId, now);
		orders.reassign(orderId, fromDriverId, driverId);
		String job = jobNow(orderId, "assigned", now);
		audit.record("dispatch.reassigned", "order", orderId, detail(driverId, order.driverId(), null));
		return new Outcome(orderId, "assigned", driverId, order.driverId(), job);
	}

	/**
	 * Takes the order from its driver. {@code redispatch}: dispatch offers it again from its usual time on; otherwise
	 * it waits among the unassigned orders for an operator.
	 */
	@Transactional
	Outcome unassign(Caller caller, UUID orderId, @Nullable UUID fromDriverId, boolean redispatch) {
		requireOperator(caller);
		Orders.Summary order = orders.find(orderId).orElseThrow(() -> new NotFound("Order"));
		Instant now = clock.instant();
		offers.withdrawOpen(orderId, now);
		orders.unassign(orderId, fromDriverId);
		String job = jobs.lock(orderId).map(locked -> {
			Instant next = redispatch && locked.dispatchAt().isAfter(now) ? locked.dispatchAt() : now;
			String status = redispatch ? "pending" : "unassigned";
			jobs.update(orderId, status, locked.misses(), next, now);
			return status;
		}).orElse(null);
		audit.record("dispatch.unassigned", "order", orderId, detail(null, order.driverId(), redispatch));
		return new Outcome(orderId, "scheduled", null, order.driverId(), job);
	}

	/** The driver exists, is on shift, drives a vehicle that fits the order and has room for its parcels. */
	private void requireAbleToTake(UUID driverId, Orders.Summary order) {
		// one assignment to a driver at a time, so that two cannot both take the driver's last room
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))").param("key", "driver:" + driverId)
			.query().singleValue();
		Drivers.Driver driver = drivers.find(driverId)
			.orElseThrow(() -> InvalidInput.unprocessable("driverId", "is not a driver"));
		if (!locator.onShift(driverId)) {
			throw Conflict.withCode("The driver is not on shift.", "driver_off_shift");
		}
		int items = order.items().size();
		int room = driver.capacityParcels() - orders.parcelsCarriedBy(driverId);
		if (room < items) {
			throw Conflict.withCode("The driver has room for " + Math.max(room, 0) + " more parcel(s); the order has "
					+ items + ".", "driver_over_capacity");
		}
		if (!DriverMatching.fits(new Candidate(driverId, 0, driver.vehicleType(), room), items)) {
			throw Conflict.withCode("A " + driver.vehicleType() + " does not take an order of " + items + " items.",
					"vehicle_unfit");
		}
	}

	private @Nullable String jobNow(UUID orderId, String status, Instant now) {
		return jobs.lock(orderId).map(locked -> {
			jobs.update(orderId, status, locked.misses(), now, now);
			return status;
		}).orElse(null);
	}

	private static Map<String, Object> detail(@Nullable UUID driver, @Nullable UUID previous,
			@Nullable Boolean redispatch) {
		Map<String, Object> detail = new LinkedHashMap<>();
		if (driver != null) {
			detail.put("driver", driver.toString());
		}
		if (previous != null) {
			detail.put("previousDriver", previous.toString());
		}
		if (redispatch != null) {
			detail.put("redispatch", redispatch);
		}
		return detail;
	}

	private static void requireOperator(Caller caller) {
		if (!caller.isOperator()) {
			throw new Forbidden("Only operators dispatch by hand.");
		}
	}
}
