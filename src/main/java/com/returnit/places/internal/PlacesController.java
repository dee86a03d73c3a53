package com.returnit.places.internal;

import com.returnit.platform.FieldError;
import com.returnit.platform.InvalidInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Address search for choosing where a pickup happens, for anyone (a customer arriving by a return link may have no
 * account yet; anonymous callers count in the anonymous rate-limit tier). Without a geocoder the answer says
 * {@code available: false} and the client lets the customer drop a pin; a geocoder that is down or slow makes a 503
 * within the configured timeout, never a 500.
 */
@RestController
@Tag(name = "Places")
class PlacesController {

	/** One place found: its label and position. */
	record PlaceView(String label, double lat, double lng) {
	}

	/** {@code available}: false when no geocoder is configured (then {@code data} is empty). */
	record Places(boolean available, List<PlaceView> data) {
	}

	private static final Logger log = LoggerFactory.getLogger(PlacesController.class);

	private final PlaceSearch places;

	PlacesController(PlaceSearch places) {
		this.places = places;
	}

	@GetMapping("/v1/places/search")
	@Operation(summary = "Find addresses by text (no login needed)", security = {})
	Places search(@Parameter(description = "the address as typed, 3 to 200 characters")
			@RequestParam(required = false) @Nullable String query,
			@RequestParam(defaultValue = "5") @Min(1) @Max(10) int limit) {
		String text = query == null ? "" : query.trim();
		if (text.length() < 3 || text.length() > 200) {
			throw InvalidInput.badRequest("query", "must be 3 to 200 characters (leading and trailing blanks aside)");
		}
		return answer(places.search(text, limit));
	}

	@GetMapping("/v1/places/reverse")
	@Operation(summary = "The address at a position, e.g. where the customer dropped a pin (no login needed)",
			security = {})
	Places reverse(@RequestParam(required = false) @Nullable Double lat,
			@RequestParam(required = false) @Nullable Double lng) {
		List<FieldError> errors = new ArrayList<>();
		Coordinates.latitude("lat", lat, errors);
		Coordinates.longitude("lng", lng, errors);
		if (!errors.isEmpty()) {
			throw new InvalidInput(400, errors);
		}
		return answer(places.reverse(lat, lng));
	}

	@ExceptionHandler(ProviderUnavailable.class)
	ResponseEntity<ProblemDetail> unavailable(ProviderUnavailable e) {
		log.warn("Address search unavailable: {}", e.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"Address search is unavailable right now; drop a pin on the map, or try again shortly.");
		problem.setTitle(HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "10")
			.body(problem);
	}

	private Places answer(List<Place> found) {
		return new Places(places.available(),
				found.stream().map(place -> new PlaceView(place.label(), place.lat(), place.lng())).toList());
	}
}
