package com.returnit.orders.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The merchant's overview as JSON: what happened to its returns over a range of days (UTC). */
final class OverviewBodies {

	private OverviewBodies() {
	}

	/**
	 * {@code perDay}: every day of the range, counting orders by the day each thing happened to them;
	 * {@code byStatus}: the orders created in the range by their current status (every status present);
	 * {@code pickup}, {@code refusedItems} and {@code averageBookingToHubSeconds}: the pickups, failed pickups and
	 * hand-overs at the hub that happened in the range; {@code orders}: how many were created in it.
	 */
	record MerchantOverviewView(LocalDate from, LocalDate to, List<OverviewDayView> perDay, Map<String, Long> byStatus,
			OverviewPickupView pickup, RefusedItemsView refusedItems, @Nullable Long averageBookingToHubSeconds, long orders) {
	}

	/** One day: orders booked, picked up, delivered to the hub, cancelled and failed that day. */
	record OverviewDayView(LocalDate date, long booked, long pickedUp, long delivered, long cancelled, long failed) {
	}

	/** Pickups tried (picked up or failed at the door) and succeeded; {@code rate} null when none was tried. */
	record OverviewPickupView(long attempted, long succeeded, @Nullable Double rate) {
	}

	/** Items the driver refused at the door, by the driver's note (else the item's condition), most frequent first. */
	record RefusedItemsView(long total, List<RefusalReasonCount> byReason) {
	}

	record RefusalReasonCount(String reason, long count) {
	}
}
