package com.returnit.orders.internal;

import com.returnit.identity.Caller;
import com.returnit.merchants.Merchant;
import com.returnit.merchants.Merchants;
import com.returnit.orders.TrackingPages;
import com.returnit.orders.internal.domain.Order;
import com.returnit.orders.internal.domain.OrderStatus;
import com.returnit.orders.internal.domain.Pickup;
import com.returnit.orders.internal.domain.PickupCalendar;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pickup as a calendar file for the customer's calendar: its window, address and what is collected, with the
 * tracking link when the order has one (made absolute with {@code returnit.notifications.public-base-url}, where
 * customers reach ReturnIt).
 */
@RestController
@Tag(name = "Quotes and orders")
class CalendarController {

	static final MediaType TEXT_CALENDAR = MediaType.parseMediaType("text/calendar; charset=utf-8");

	private final OrderService orders;
	private final Merchants merchants;
	private final ObjectProvider<TrackingPages> trackingPages;
	private final String publicBaseUrl;
	private final Clock clock;

	CalendarController(OrderService orders, Merchants merchants, ObjectProvider<TrackingPages> trackingPages,
			@Value("${returnit.notifications.public-base-url:http://localhost:8080}") String publicBaseUrl,
			Clock clock) {
		this.orders = orders;
		this.merchants = merchants;
		this.trackingPages = trackingPages;
		this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
		this.clock = clock;
	}

	@GetMapping("/v1/orders/{id}/calendar.ics")
	@Transactional(readOnly = true)
	@Operation(summary = "The pickup as an iCalendar (RFC 5545) file with one event, for the customer's calendar",
			responses = @ApiResponse(responseCode = "200", description = "text/calendar, as an attachment",
					content = @Content(mediaType = "text/calendar", schema = @Schema(type = "string"))))
	ResponseEntity<String> calendar(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		Order order = orders.get(caller, id);
		String body = PickupCalendar.render(event(order));
		String filename = "returnit-pickup-" + order.id().toString().substring(0, 8) + ".ics";
		return ResponseEntity.ok()
			.contentType(TEXT_CALENDAR)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
			.body(body);
	}

	private PickupCalendar.Event event(Order order) {
		Pickup pickup = order.booking().pickup();
		String merchant = merchants.find(order.booking().merchantId()).map(Merchant::name).orElse("the merchant");
		int items = order.booking().items().size();
		Optional<String> link = Optional.ofNullable(trackingPages.getIfAvailable())
			.flatMap(pages -> pages.existingPath(order.id()))
			.map(path -> publicBaseUrl + path);
		String description = link.map(url -> "Track the pickup: " + url + "\n").orElse("") + "ReturnIt order "
				+ order.id();
		return new PickupCalendar.Event(order.id() + "@returnit", clock.instant(), pickup.windowStart(),
				pickup.windowEnd(), "Return pickup: " + items + " item(s) for " + merchant, pickup.address(),
				description, order.status() == OrderStatus.CANCELLED, order.version());
	}
}
