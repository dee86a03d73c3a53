package com.returnit.orders.internal;

import com.returnit.identity.Caller;
import com.returnit.orders.internal.OrderBodies.OrderBody;
import com.returnit.orders.internal.OrderBodies.OrderPage;
import com.returnit.orders.internal.OrderBodies.OrderView;
import com.returnit.orders.internal.OrderBodies.QuoteBody;
import com.returnit.orders.internal.OrderBodies.QuoteView;
import com.returnit.orders.internal.domain.Order;
import com.returnit.orders.internal.domain.ReturnRequest;
import com.returnit.platform.FieldError;
import com.returnit.platform.InvalidInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Quotes and orders over HTTP. Parameter constraints ({@code limit}) are left to Spring MVC's own method validation,
 * which answers 400 naming the parameter; a class-level {@code @Validated} would check them in an AOP proxy instead,
 * whose {@code ConstraintViolationException} surfaces as a 500.
 */
@RestController
@Tag(name = "Quotes and orders")
class OrderController {

	private final OrderService orders;
	private final OrderTimeline timeline;

	OrderController(OrderService orders, OrderTimeline timeline) {
		this.orders = orders;
		this.timeline = timeline;
	}

	@PostMapping("/v1/quotes")
	@Operation(summary = "Check eligibility and price a return (customers, or merchants for a customer)")
	QuoteView quote(@AuthenticationPrincipal Caller caller, @Valid @RequestBody QuoteBody body) {
		return orders.quote(caller, body.toRequest());
	}

	@PostMapping("/v1/orders")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Book a return pickup from a quote ({quoteId}) or from a full request; 422 when ineligible")
	OrderView book(@AuthenticationPrincipal Caller caller, @Valid @RequestBody OrderBody body) {
		return OrderView.of(orders.book(caller, body, requestOf(body)), caller);
	}

	@GetMapping("/v1/orders/{id}")
	@Transactional(readOnly = true)
	@Operation(summary = "One order: for its customer, its merchant, its driver and operators")
	OrderView get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		return OrderView.of(orders.get(caller, id), caller);
	}

	@GetMapping("/v1/orders/{id}/events")
	@Transactional(readOnly = true)
	@Operation(summary = "What happened to the order, in order")
	OrderBodies.Timeline events(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		return new OrderBodies.Timeline(timeline.of(orders.get(caller, id).id()));
	}

	@GetMapping("/v1/orders")
	@Transactional(readOnly = true)
	@Operation(summary = "The caller's orders, newest first, with cursor pagination; merchants and operators also "
			+ "filter by creation dates, customer and their order reference")
	OrderPage list(@AuthenticationPrincipal Caller caller,
			@Parameter(description = OrderFilterParams.STATUSES) @RequestParam(required = false) @Nullable String status,
			@Parameter(description = "created on or after this date (UTC), e.g. 2026-11-01")
			@RequestParam(required = false) @Nullable String from,
			@Parameter(description = "created on or before this date (UTC), e.g. 2026-11-30")
			@RequestParam(required = false) @Nullable String to,
			@Parameter(description = "merchants and operators: the customer's exact email, or a piece of their name "
					+ "(case-insensitive)") @RequestParam(required = false) @Nullable String customer,
			@Parameter(description = "merchants and operators: the merchant's order reference, exactly")
			@RequestParam(required = false) @Nullable String merchantOrderRef,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
			@Parameter(description = "the id of the last order of the previous page")
			@RequestParam(required = false) @Nullable UUID startingAfter) {
		OrderFilter filter = OrderFilterParams.read(caller, status, from, to, customer, merchantOrderRef);
		List<Order> page = orders.page(caller, filter, startingAfter, limit + 1);
		boolean hasMore = page.size() > limit;
		return new OrderPage(page.stream().limit(limit).map(order -> OrderView.of(order, caller)).toList(), hasMore);
	}

	@PostMapping("/v1/orders/{id}/cancel")
	@Operation(summary = "Cancel before pickup; 409 once the items are picked up")
	OrderView cancel(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
			@Valid @RequestBody OrderBodies.CancelBody body) {
		return OrderView.of(orders.cancel(caller, id, body.reason().trim(), body.acceptedFeeCents()), caller);
	}

	/** A booking names a quote, or carries the whole request; never half of each. */
	private static @Nullable ReturnRequest requestOf(OrderBody body) {
		boolean anyRequestField = body.merchantId() != null || body.pickup() != null || body.window() != null
				|| body.items() != null;
		if (body.quoteId() != null) {
			if (anyRequestField) {
				throw InvalidInput.badRequest("quoteId", "give either quoteId or merchantId, pickup, window and items");
			}
			return null;
		}
		List<FieldError> missing = new ArrayList<>();
		if (body.merchantId() == null) {
			missing.add(new FieldError("merchantId", "must not be null"));
		}
		if (body.pickup() == null) {
			missing.add(new FieldError("pickup", "must not be null"));
		}
		if (body.window() == null) {
			missing.add(new FieldError("window", "must not be null"));
		}
		if (body.items() == null) {
			missing.add(new FieldError("items", "must not be null"));
		}
		if (!missing.isEmpty()) {
			throw new InvalidInput(400, missing);
		}
		return new QuoteBody(body.merchantId(), body.pickup(), body.window(), body.items()).toRequest();
	}
}
