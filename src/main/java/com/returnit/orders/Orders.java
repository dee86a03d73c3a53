package com.returnit.orders;

import com.returnit.identity.Caller;
import com.returnit.orders.internal.domain.LateFee;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The orders module's API for dispatch and tracking. */
public interface Orders {

	/**
	 * An order as other modules see it; {@code priceCents} in minor units of {@code currency}. Cancelling at or after
	 * {@code lateFeeFrom} costs {@code lateFeeCents}, as the customer was told when booking. {@code returnSessionId}
	 * names the merchant's return link it was booked from, if any.
	 */
	record Summary(UUID id, UUID merchantId, UUID customerId, String status, @Nullable UUID driverId,
			String address, double lat, double lng, Instant windowStart, Instant windowEnd, List<Item> items,
			long priceCents, String currency, long lateFeeCents, Instant lateFeeFrom, @Nullable UUID returnSessionId) {

		public Summary(UUID id, UUID merchantId, UUID customerId, String status, @Nullable UUID driverId,
				String address, double lat, double lng, Instant windowStart, Instant windowEnd, List<Item> items,
				long priceCents, String currency, long lateFeeCents, Instant lateFeeFrom) {
			this(id, merchantId, customerId, status, driverId, address, lat, lng, windowStart, windowEnd, items,
					priceCents, currency, lateFeeCents, lateFeeFrom, null);
		}

		/**
		 * What cancelling at {@code at} costs, by the rule GET /v1/orders/{id}/cancellation shows the customer: 0 before
		 * {@code lateFeeFrom}, {@code lateFeeCents} from then on.
		 */
		public long cancellationFeeAt(Instant at) {
			return new LateFee(lateFeeCents, lateFeeFrom).feeAt(at);
		}
	}

	/** An item to collect. */
	record Item(String sku, String description, String category) {
	}

	Optional<Summary> find(UUID orderId);

	/** The order if this caller may see it (its customer, merchant, assigned driver, operators). */
	Optional<Summary> findVisible(Caller caller, UUID orderId);

	/**
	 * Assigns a scheduled order to a driver, in the caller's transaction; fails with a conflict when the order is
	 * no longer scheduled or was changed concurrently.
	 */
	void assign(UUID orderId, UUID driverId);

	/**
	 * Gives an assigned or en-route order to another driver, in the caller's transaction; a conflict when the order
	 * is not with {@code fromDriverId} (when given) or no longer assigned or en route. Publishes
	 * {@link OrderDriverChanged}.
	 */
	void reassign(UUID orderId, @Nullable UUID fromDriverId, UUID toDriverId);

	/**
	 * Takes an assigned or en-route order from its driver, back to scheduled, in the caller's transaction; a conflict as
	 * for {@link #reassign}. Publishes {@link OrderDriverChanged}.
	 */
	void unassign(UUID orderId, @Nullable UUID fromDriverId);

	/** Parcels in the driver's assigned, en-route and picked-up orders: what their vehicle already carries. */
	int parcelsCarriedBy(UUID driverId);

	/** {@link #parcelsCarriedBy(UUID)} for many drivers in one query; a driver carrying nothing is absent. */
	Map<UUID, Integer> parcelsCarriedBy(Collection<UUID> driverIds);
}
