package com.returnit.tracking.internal;

import com.returnit.identity.Caller;
import com.returnit.identity.Drivers;
import com.returnit.identity.Role;
import com.returnit.platform.Forbidden;
import com.returnit.tracking.internal.domain.Shift;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Driver shifts and locations")
class ShiftController {

	/** {@code vehicle}: what the driver drives and how many parcels it takes, as dispatch matches offers to it. */
	record ShiftView(UUID driverId, boolean onShift, @Nullable Instant startedAt, @Nullable Instant endedAt,
			@Nullable VehicleView vehicle) {
	}

	record VehicleView(String type, int capacityParcels) {
	}

	private final ShiftService shifts;
	private final Drivers drivers;

	ShiftController(ShiftService shifts, Drivers drivers) {
		this.shifts = shifts;
		this.drivers = drivers;
	}

	@PostMapping("/v1/drivers/me/shift/start")
	@Operation(summary = "Go on shift (drivers); starting again answers the running shift")
	ShiftView start(@AuthenticationPrincipal Caller caller) {
		return view(shifts.start(driver(caller)));
	}

	@PostMapping("/v1/drivers/me/shift/end")
	@Operation(summary = "Go off shift (drivers); 409 when not on shift")
	ShiftView end(@AuthenticationPrincipal Caller caller) {
		return view(shifts.end(driver(caller)));
	}

	@GetMapping("/v1/drivers/me/shift")
	@Operation(summary = "The running shift, else the last one (drivers)")
	ShiftView current(@AuthenticationPrincipal Caller caller) {
		UUID driverId = driver(caller);
		return shifts.last(driverId).map(this::view)
			.orElse(new ShiftView(driverId, false, null, null, vehicleOf(driverId)));
	}

	private ShiftView view(Shift shift) {
		return new ShiftView(shift.driverId(), shift.open(), shift.startedAt(), shift.endedAt(),
				vehicleOf(shift.driverId()));
	}

	private @Nullable VehicleView vehicleOf(UUID driverId) {
		return drivers.find(driverId).map(d -> new VehicleView(d.vehicleType(), d.capacityParcels())).orElse(null);
	}

	static UUID driver(Caller caller) {
		if (caller.role() != Role.DRIVER) {
			throw new Forbidden("Only drivers have shifts and send locations.");
		}
		return caller.id();
	}
}
