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
import org.springframework.web.bind.annotation.PostMapping;
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
		List<double[]> polygon = body.polygon().stream().map(ServiceAreaController::vertex).toList();
		for (int i = 0; i < polygon.size(); i++) {
			double[] p = polygon.get(i);
			if (p[0] < -90 || p[0] > 90 || p[1] < -180 || p[1] > 180) {
				throw InvalidInput.badRequest("polygon[" + i + "]", "must be [lat, lng] with lat in -90..90 and lng in -180..180");
			}
		}
		return ServiceAreaView.of(service.define(body.name().trim(), polygon));
	}

	@GetMapping
	@Operation(summary = "List service areas")
	List<ServiceAreaView> list() {
		return areas.all().stream().map(ServiceAreaView::of).toList();
	}

	private static double[] vertex(List<Double> pair) {
		return new double[] { pair.get(0), pair.get(1) };
	}
}
