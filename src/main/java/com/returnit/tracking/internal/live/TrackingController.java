package com.returnit.tracking.internal.live;

import com.returnit.identity.Caller;
import com.returnit.merchants.Merchants;
import com.returnit.orders.Orders;
import com.returnit.platform.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Tracking for those who may see the order, and for anyone holding its unguessable link. */
@RestController
@Tag(name = "Tracking")
class TrackingController {

	record LinkView(String url, String token) {
	}

	/**
	 * What the public link shows: no names, no address, nothing but the pickup's progress and whose return it is (the
	 * shop's name, logo and colour).
	 */
	record PublicTracking(String status, String message, @Nullable PublicTrackingDriver driver, @Nullable Long etaSeconds,
			Instant windowStart, Instant windowEnd, double pickupLat, double pickupLng,
			@Nullable PublicTrackingMerchant merchant) {
	}

	/** {@code logoUrl} and {@code brandColor} ({@code #rrggbb}) are null when the merchant set none. */
	record PublicTrackingMerchant(String name, @Nullable String logoUrl, @Nullable String brandColor) {
	}

	record PublicTrackingDriver(double lat, double lng, Instant at, long ageSeconds, boolean stale) {
	}

	private final Orders orders;
	private final TrackingViews views;
	private final TrackingLinks links;
	private final Merchants merchants;

	TrackingController(Orders orders, TrackingViews views, TrackingLinks links, Merchants merchants) {
		this.orders = orders;
		this.views = views;
		this.links = links;
		this.merchants = merchants;
	}

	@GetMapping("/v1/orders/{id}/tracking")
	@Transactional(readOnly = true)
	@Operation(summary = "The order's status, its driver's last position and an estimated arrival")
	TrackingViews.TrackingView track(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		return views.of(orders.findVisible(caller, id).orElseThrow(() -> new NotFound("Order")));
	}

	@GetMapping("/v1/orders/{id}/tracking-link")
	@Operation(summary = "A link that shows the order's progress to anyone who has it, without logging in")
	LinkView link(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		Orders.Summary order = orders.findVisible(caller, id).orElseThrow(() -> new NotFound("Order"));
		String token = links.tokenFor(order.id());
		return new LinkView("/track/" + token, token);
	}

	@GetMapping("/v1/public/tracking/{token}")
	@Transactional(readOnly = true)
	@Operation(summary = "Progress of the order behind a tracking link (no login)", security = {})
	PublicTracking publicTracking(@PathVariable String token) {
		Orders.Summary order = links.orderFor(token).flatMap(orders::find)
			.orElseThrow(() -> new NotFound("Tracking link"));
		TrackingViews.TrackingView view = views.of(order);
		TrackingViews.DriverView driver = view.driver();
		return new PublicTracking(view.status(), view.message(),
				driver == null ? null : new PublicTrackingDriver(driver.lat(), driver.lng(), driver.at(), driver.ageSeconds(),
						driver.stale()),
				view.etaSeconds(), order.windowStart(), order.windowEnd(), order.lat(), order.lng(),
				merchants.find(order.merchantId())
					.map(m -> new PublicTrackingMerchant(m.name(), m.logoUrl(), m.brandColor())).orElse(null));
	}
}
