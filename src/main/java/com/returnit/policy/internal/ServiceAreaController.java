package com.returnit.policy.internal;

import com.returnit.platform.InvalidInput;
import com.returnit.policy.internal.domain.ServiceArea;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/service-areas")
@Tag(name = "Service areas")
class ServiceAreaController {

	record ServiceAreaBody(@NotBlank @Size(max = 200) String name,
			@NotNull @Size(min = 3, max = 1000) List<@NotNull @Size(min = 2, max = 2) List<@NotNull Double>> polygon) {
	}

	record ServiceAreaView(UUID id, String name, List<double[]> polygon, Instant createdAt) {

		static ServiceAreaView of(ServiceArea area) {
			return new ServiceAreaView(area.id(), area.name(), area.polygon(), area.createdAt());
		}
	}

	private final ServiceAreaService service;
	private final ServiceAreaRepository areas;

	ServiceAreaController(ServiceAreaService service, ServiceAreaRepository areas) {
		this.service = service;
		this.areas = areas;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Define a service area (operators); polygon vertices are [lat, lng]")
	ServiceAreaView create(@Valid @RequestBody ServiceAreaBody body) {
		return ServiceAreaView.of(service.define(body.name().trim(), polygon(body)));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Rename a service area or redraw its polygon (operators); pickups are offered inside the new "
			+ "polygon at once, on every node; orders already booked are kept")
	ServiceAreaView change(@PathVariable UUID id, @Valid @RequestBody ServiceAreaBody body) {
		return ServiceAreaView.of(service.change(id, body.name().trim(), polygon(body)));
	}

	@GetMapping
	@Operation(summary = "List service areas")
	List<ServiceAreaView> list() {
		return areas.all().stream().map(ServiceAreaView::of).toList();
	}

	private static List<double[]> polygon(ServiceAreaBody body) {
		List<double[]> polygon = body.polygon().stream().map(ServiceAreaController::vertex).toList();
		for (int i = 0; i < polygon.size(); i++) {
			double[] p = polygon.get(i);
			if (p[0] < -90 || p[0] > 90 || p[1] < -180 || p[1] > 180) {
				throw InvalidInput.badRequest("polygon[" + i + "]", "must be [lat, lng] with lat in -90..90 and lng in -180..180");
			}
		}
		if (Math.abs(doubledArea(polygon)) < 1e-12) {
			throw InvalidInput.badRequest("polygon", "must enclose an area: its vertices lie on one line");
		}
		return polygon;
	}

	/** Twice the polygon's signed area in square degrees (the shoelace formula): zero when its vertices are collinear. */
	private static double doubledArea(List<double[]> polygon) {
		double sum = 0;
		for (int i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++) {
			sum += polygon.get(j)[1] * polygon.get(i)[0] - polygon.get(i)[1] * polygon.get(j)[0];
		}
		return sum;
	}

	private static double[] vertex(List<Double> pair) {
		return new double[] { pair.get(0), pair.get(1) };
	}
}
