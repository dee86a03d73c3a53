package com.returnit.slots;

import com.returnit.policy.Reason;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Seats in pickup windows, for bookings. Only areas with a schedule have slots: a pickup in an area without one is
 * never refused here and holds nothing, as before slots existed.
 */
public interface PickupSlots {

	/** Where and when a pickup is asked for. */
	record SlotRequest(double lat, double lng, Instant windowStart, Instant windowEnd) {
	}

	/**
	 * Holds a seat for the order in its window, in the caller's (the booking's) transaction, with one atomic
	 * statement: a rollback gives the seat back.
	 *
	 * @throws com.returnit.platform.InvalidInput 422 naming {@code window} when the window is not one of the area's
	 *         pickup windows or starts sooner than the area's lead time
	 * @throws SlotFull when every seat of the window is held
	 */
	void hold(UUID orderId, SlotRequest request);

	/** Gives back the seat the order holds, if any, in the caller's transaction; a second call does nothing. */
	void release(UUID orderId);

	/**
	 * Why a booking of this window would be refused right now (not one of the area's windows, too soon, full), as
	 * reasons a quote can show; empty when it would not. A booking checks again when it holds its seat.
	 */
	List<Reason> reasons(SlotRequest request);
}
