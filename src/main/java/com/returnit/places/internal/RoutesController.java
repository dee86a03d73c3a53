package com.returnit.places.internal;

import com.returnit.identity.Caller;
import com.returnit.identity.Role;
import com.returnit.platform.FieldError;
import com.returnit.platform.Forbidden;
import com.returnit.platform.InvalidInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The way by road from a driver to a stop, for the driver app's map (and operators): the configured router's route,
 * or the straight line with {@code road: false} when there is none or it does not answer, so the map always has a
 * line and says which kind it is.
 */
@RestController
@Tag(name = "Places")
class RoutesController {

	/**
	 * A route: {@code road} false means the straight line (no router, or it did not answer).
	 * @param path [lat, lng] points from the start to the end
	 */
	record RouteView(boolean road, long distanceM, @Nullable Long durationS, List<double[]> path) {

		static RouteView of(Route route) {
			return new RouteView(route.road(), Math.round(route.distanceM()),
					route.durationS() == null ? null : Math.round(route.durationS()), route.path());
		}
	}

	private final RouteFinder routes;

	RoutesController(RouteFinder routes) {
		this.routes = routes;
	}

	@GetMapping("/v1/routes")
	@Operation(summary = "The way by road between two places (drivers and operators); the straight line without a router")
	RouteView route(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) @Nullable Double fromLat,
			@RequestParam(required = false) @Nullable Double fromLng, @RequestParam(required = false) @Nullable Double toLat,
			@RequestParam(required = false) @Nullable Double toLng) {
		if (caller.role() != Role.DRIVER && caller.role() != Role.OPERATOR) {
			throw new Forbidden("Routes are for drivers and operators.");
		}
		List<FieldError> errors = new ArrayList<>();
		Coordinates.latitude("fromLat", fromLat, errors);
		Coordinates.longitude("fromLng", fromLng, errors);
		Coordinates.latitude("toLat", toLat, errors);
		Coordinates.longitude("toLng", toLng, errors);
		if (!errors.isEmpty()) {
			throw new InvalidInput(400, errors);
		}
		return RouteView.of(routes.between(fromLat, fromLng, toLat, toLng));
	}
}
