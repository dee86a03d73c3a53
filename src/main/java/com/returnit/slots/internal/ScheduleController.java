package com.returnit.slots.internal;

import com.returnit.identity.Caller;
import com.returnit.platform.Forbidden;
import com.returnit.platform.NotFound;
import com.returnit.slots.internal.SlotBodies.ScheduleBody;
import com.returnit.slots.internal.SlotBodies.ScheduleView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/service-areas/{id}/schedule")
@Tag(name = "Pickup slots")
class ScheduleController {

	private final Schedules schedules;

	ScheduleController(Schedules schedules) {
		this.schedules = schedules;
	}

	@PutMapping
	@Operation(summary = "Set the area's pickup windows: opening hours per day, window length, capacity per window, "
			+ "lead time (operators); seats already held stay held")
	ScheduleView put(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, @RequestBody ScheduleBody body) {
		if (!caller.isOperator()) {
			throw new Forbidden("Only operators set pickup schedules.");
		}
		return ScheduleView.of(schedules.put(id, body.toInput()));
	}

	@GetMapping
	@Operation(summary = "The area's pickup schedule; 404 when it has none")
	ScheduleView get(@PathVariable UUID id) {
		schedules.requireArea(id);
		return ScheduleView.of(schedules.of(id).orElseThrow(() -> new NotFound("Pickup schedule")));
	}
}
