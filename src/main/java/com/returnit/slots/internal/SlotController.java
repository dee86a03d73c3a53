package com.returnit.slots.internal;

import com.returnit.inputs.Times;
import com.returnit.merchants.Merchants;
import com.returnit.platform.FieldError;
import com.returnit.platform.InvalidInput;
import com.returnit.platform.NotFound;
import com.returnit.slots.internal.SlotBodies.SlotsView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pickup windows a customer can choose from; no login needed (a customer arriving by a merchant's return link
 * has no account yet), so it counts against the anonymous rate limit. Parameters are parsed here so that every bad
 * one is named in one 400.
 */
@RestController
@Tag(name = "Pickup slots")
class SlotController {

	static final Duration DEFAULT_RANGE = Duration.ofDays(7);
	static final Duration MAX_RANGE = Duration.ofDays(31);
	private static final String INSTANT = "is not an ISO-8601 instant (e.g. 2026-01-31T10:00:00Z) " + Times.RANGE;

	private final SlotService slots;
	private final Merchants merchants;
	private final Clock clock;

	SlotController(SlotService slots, Merchants merchants, Clock clock) {
		this.slots = slots;
		this.merchants = merchants;
		this.clock = clock;
	}

	@GetMapping("/v1/slots")
	@Operation(summary = "Pickup windows at a point, with the seats left in each (anyone, no login): those starting "
			+ "in [from, to) after the area's lead time; full ones listed with remaining 0")
	SlotsView list(@Parameter(required = true) @RequestParam(required = false) @Nullable String merchantId,
			@Parameter(required = true) @RequestParam(required = false) @Nullable String lat,
			@Parameter(required = true) @RequestParam(required = false) @Nullable String lng,
			@Parameter(description = "ISO-8601 instant; default now") @RequestParam(required = false) @Nullable String from,
			@Parameter(description = "ISO-8601 instant, after from and at most 31 days after it; default from + 7 days")
			@RequestParam(required = false) @Nullable String to) {
		List<FieldError> errors = new ArrayList<>();
		UUID merchant = uuid("merchantId", merchantId, errors);
		Double latitude = number("lat", lat, 90, errors);
		Double longitude = number("lng", lng, 180, errors);
		Instant start = from == null ? clock.instant() : instant("from", from, errors);
		Instant end = to == null ? (start == null ? null : start.plus(DEFAULT_RANGE)) : instant("to", to, errors);
		if (start != null && end != null) {
			if (!end.isAfter(start)) {
				errors.add(new FieldError("to", "must be after from"));
			}
			else if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
				errors.add(new FieldError("to", "must be at most 31 days after from"));
			}
		}
		if (!errors.isEmpty() || merchant == null || latitude == null || longitude == null || start == null
				|| end == null) {
			throw new InvalidInput(400, errors);
		}
		merchants.find(merchant).orElseThrow(() -> new NotFound("Merchant"));
		return SlotsView.of(slots.list(latitude, longitude, start, end));
	}

	private static @Nullable UUID uuid(String name, @Nullable String value, List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			errors.add(new FieldError(name, "is required"));
			return null;
		}
		try {
			return UUID.fromString(value.trim());
		}
		catch (IllegalArgumentException e) {
			errors.add(new FieldError(name, "is not a valid UUID"));
			return null;
		}
	}

	private static @Nullable Double number(String name, @Nullable String value, double limit,
			List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			errors.add(new FieldError(name, "is required"));
			return null;
		}
		try {
			double number = Double.parseDouble(value.trim());
			if (Double.isFinite(number) && number >= -limit && number <= limit) {
				return number;
			}
		}
		catch (NumberFormatException e) {
			// answered below
		}
		errors.add(new FieldError(name, "must be a number from " + (int) -limit + " to " + (int) limit));
		return null;
	}

	private static @Nullable Instant instant(String name, String value, List<FieldError> errors) {
		try {
			Instant instant = Instant.parse(value.trim());
			if (Times.within(instant)) {
				return instant;
			}
		}
		catch (DateTimeParseException e) {
			// answered below, as a time outside the range is
		}
		errors.add(new FieldError(name, INSTANT));
		return null;
	}
}
