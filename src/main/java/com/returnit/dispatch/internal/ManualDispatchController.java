package com.returnit.dispatch.internal;

import com.returnit.identity.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Manual dispatch (operators): assign, reassign and unassign orders. Each answers the order's new status and driver
 * and the dispatch job's state, is audited with the operator as actor, and reaches the drivers' apps through the
 * order's stream.
 */
@RestController
@Tag(name = "Dispatch")
class ManualDispatchController {

	record AssignBody(@NotNull UUID driverId) {
	}

	/** {@code fromDriverId}: the driver the operator saw on the order; when given and no longer so, 409. */
	record ReassignBody(@NotNull UUID driverId, @Nullable UUID fromDriverId) {
	}

	/**
	 * {@code redispatch} (default true): dispatch offers the order again from its usual time on; false leaves it among
	 * the unassigned orders for an operator.
	 */
	record UnassignBody(@Nullable UUID fromDriverId, @Nullable Boolean redispatch) {
	}

	private final ManualDispatch dispatch;

	ManualDispatchController(ManualDispatch dispatch) {
		this.dispatch = dispatch;
	}

	@PostMapping("/v1/dispatch/orders/{id}/assign")
	@Operation(summary = "Assign a scheduled order to a driver on shift whose vehicle fits it and who has room "
			+ "(operators); 409 when the order is no longer scheduled (of concurrent assigns one wins) or the driver "
			+ "cannot take it")
	ManualDispatch.Outcome assign(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
			@Valid @RequestBody AssignBody body) {
		return dispatch.assign(caller, id, body.driverId());
	}

	@PostMapping("/v1/dispatch/orders/{id}/reassign")
	@Operation(summary = "Give an assigned or en-route order to another driver (operators); 409 when it is not "
			+ "with fromDriverId any more, past pickup, or the driver cannot take it")
	ManualDispatch.Outcome reassign(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
			@Valid @RequestBody ReassignBody body) {
		return dispatch.reassign(caller, id, body.driverId(), body.fromDriverId());
	}

	@PostMapping("/v1/dispatch/orders/{id}/unassign")
	@Operation(summary = "Take an assigned or en-route order from its driver, back to scheduled (operators); "
			+ "dispatch offers it again unless redispatch is false")
	ManualDispatch.Outcome unassign(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
			@Valid @RequestBody UnassignBody body) {
		return dispatch.unassign(caller, id, body.fromDriverId(), !Boolean.FALSE.equals(body.redispatch()));
	}
}
