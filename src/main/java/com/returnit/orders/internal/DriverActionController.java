package com.returnit.orders.internal;

import com.returnit.identity.Caller;
import com.returnit.orders.internal.OrderBodies.OrderView;
import com.returnit.orders.internal.domain.Failure;
import com.returnit.orders.internal.domain.PickupProof;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** What the assigned driver does with an order: head there, collect with proof, deliver to a hub, or report failure. */
@RestController
@Tag(name = "Driver actions")
class DriverActionController {

	record ItemCheckBody(@NotBlank @Size(max = 100) String sku, @NotNull Boolean verified,
			@NotNull PickupProof.Condition condition, @Nullable @Size(max = 500) String note) {
	}

	record PickupProofBody(@NotNull @Size(min = 1, max = 100) List<@NotNull @Valid ItemCheckBody> items,
			@Nullable @Size(max = 100) String bagSeal) {

		PickupProof toProof() {
			return new PickupProof(items.stream()
				.map(i -> new PickupProof.ItemCheck(i.sku(), i.verified(), i.condition(), i.note()))
				.toList(), bagSeal);
		}
	}

	record DeliverBody(@NotNull UUID hubId) {
	}

	record FailBody(@NotNull Failure.Reason reason, @Nullable @Size(max = 500) String note) {
	}

	private final DriverActions actions;

	DriverActionController(DriverActions actions) {
		this.actions = actions;
	}

	@PostMapping("/v1/orders/{id}/en-route")
	@Operation(summary = "The assigned driver heads to the pickup")
	OrderView enRoute(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		return OrderView.of(actions.startRoute(caller, id));
	}

	@PostMapping("/v1/orders/{id}/pickup")
	@Operation(summary = "Collect the items with item-level proof; items failing verification are refused and reported")
	OrderView pickUp(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
			@Valid @RequestBody PickupProofBody body) {
		return OrderView.of(actions.pickUp(caller, id, body.toProof()));
	}

	@PostMapping("/v1/orders/{id}/deliver")
	@Operation(summary = "Hand the parcels over at one of the merchant's hubs")
	OrderView deliver(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
			@Valid @RequestBody DeliverBody body) {
		return OrderView.of(actions.deliver(caller, id, body.hubId()));
	}

	@PostMapping("/v1/orders/{id}/fail")
	@Operation(summary = "Report that the pickup could not happen")
	OrderView fail(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, @Valid @RequestBody FailBody body) {
		return OrderView.of(actions.fail(caller, id, new Failure(body.reason(), body.note())));
	}
}
