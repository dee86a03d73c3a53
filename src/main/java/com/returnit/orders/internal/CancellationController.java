package com.returnit.orders.internal;

import com.returnit.identity.Caller;
import com.returnit.identity.Role;
import com.returnit.merchants.Billing;
import com.returnit.merchants.Merchants;
import com.returnit.orders.internal.OrderBodies.CancellationView;
import com.returnit.orders.internal.domain.CancellationTerms;
import com.returnit.orders.internal.domain.Order;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The terms of cancelling an order, computed by the order itself for this instant, so that no client re-implements
 * the late-fee rule: what it says is what POST /v1/orders/{id}/cancel charges now.
 */
@RestController
@Tag(name = "Quotes and orders")
class CancellationController {

	private final OrderService orders;
	private final Merchants merchants;
	private final Clock clock;

	CancellationController(OrderService orders, Merchants merchants, Clock clock) {
		this.orders = orders;
		this.merchants = merchants;
		this.clock = clock;
	}

	@GetMapping("/v1/orders/{id}/cancellation")
	@Transactional(readOnly = true)
	@Operation(summary = "What cancelling the order now would do: whether it can be, and the fee it costs now")
	CancellationView terms(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		Order order = orders.get(caller, id);
		CancellationTerms terms = order.cancellationTerms(clock.instant());
		if (caller.role() == Role.DRIVER && terms.cancellable()) {
			terms = terms.refusedBecause("drivers do not cancel; report a failed pickup instead");
		}
		boolean customerPays = merchants.find(order.booking().merchantId())
			.map(merchant -> merchant.billing() == Billing.CUSTOMER_PAYS).orElse(false);
		return CancellationView.of(terms, customerPays);
	}
}
