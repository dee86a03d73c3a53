package com.returnit.tracking.internal.live;

import com.returnit.identity.Drivers;
import com.returnit.orders.Orders;
import com.returnit.platform.Geo;
import com.returnit.tracking.DriverLocator;
import com.returnit.tracking.Position;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where the driver of an order is and when they should arrive. A stale fix degrades the answer ("Driver on the
 * way", with the fix's age), never into an error.
 */
@Component
class TrackingViews {

	/** Average door-to-door speed in a city, for a first estimate of arrival. */
	static final double CITY_KMH = 25;
	private static final Set<String> HEADING_THERE = Set.of("assigned", "en_route");

	/** Where the driver was last seen; {@code stale} when that is older than the service trusts for an estimate. */
	record DriverView(String name, double lat, double lng, Instant at, long ageSeconds, boolean stale) {
	}

	record TrackingView(String status, String message, @Nullable DriverView driver, @Nullable Long etaSeconds) {
	}

	private final Orders orders;
	private final Drivers drivers;
	private final DriverLocator locator;
	private final Duration staleAfter;
	private final Clock clock;

	TrackingViews(Orders orders, Drivers drivers, DriverLocator locator,
			@Value("${returnit.tracking.stale-after:PT2M}") Duration staleAfter, Clock clock) {
		this.orders = orders;
		this.drivers = drivers;
		this.locator = locator;
		this.staleAfter = staleAfter;
		this.clock = clock;
	}

	TrackingView of(Orders.Summary order) {
		if (order.driverId() == null || !HEADING_THERE.contains(order.status())) {
			return new TrackingView(order.status(), message(order.status()), null, null);
		}
		String name = drivers.find(order.driverId()).map(Drivers.Driver::name).orElse("Your driver");
		Position position = locator.latest(order.driverId()).orElse(null);
		if (position == null) {
			return new TrackingView(order.status(), "Driver on the way", null, null);
		}
		Instant now = clock.instant();
		long age = Math.max(0, Duration.between(position.recordedAt(), now).toSeconds());
		boolean stale = age > staleAfter.toSeconds();
		DriverView driver = new DriverView(name, position.lat(), position.lng(), position.recordedAt(), age, stale);
		if (stale) {
			return new TrackingView(order.status(), "Driver on the way (last seen " + lastSeen(age) + ")", driver, null);
		}
		double km = Geo.distanceKm(position.lat(), position.lng(), order.lat(), order.lng());
		long eta = Math.round(km / CITY_KMH * 3600);
		return new TrackingView(order.status(), "Driver on the way", driver, eta);
	}

	/** "2 min ago", or "under a minute ago" (staleness is minutes in service; seconds in tests). */
	static String lastSeen(long ageSeconds) {
		return ageSeconds < 60 ? "under a minute ago" : ageSeconds / 60 + " min ago";
	}

	private static String message(String status) {
		return switch (status) {
			case "scheduled" -> "Looking for a driver";
			case "picked_up" -> "Your items are on their way to the merchant";
			case "delivered" -> "Delivered to the merchant";
			case "cancelled" -> "Cancelled";
			case "failed" -> "The pickup could not be completed";
			default -> status;
		};
	}
}
