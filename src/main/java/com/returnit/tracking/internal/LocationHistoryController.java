package com.returnit.tracking.internal;

import com.returnit.identity.Caller;
import com.returnit.platform.FieldError;
import com.returnit.platform.InvalidInput;
import com.returnit.platform.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A driver's ping history, oldest first, from the partitioned table through its (driver, recordedAt) index: the driver
 * their own, operators anyone's; to anyone else another driver's history does not exist (404). The cursor is the last {@code recordedAt} of the page.
 */
@RestController
@Tag(name = "Driver shifts and locations")
class LocationHistoryController {

	record PingView(double lat, double lng, Instant recordedAt, @Nullable Double accuracyM, @Nullable Double speedMps,
			@Nullable Double headingDeg, boolean flagged) {
	}

	record PingPage(List<PingView> data, @Nullable Instant nextAfter) {
	}

	private static final Duration DEFAULT_SPAN = Duration.ofHours(24);

	private final PingHistory history;
	private final Clock clock;

	LocationHistoryController(PingHistory history, Clock clock) {
		this.history = history;
		this.clock = clock;
	}

	@GetMapping("/v1/drivers/me/locations")
	@Transactional(readOnly = true)
	@Operation(summary = "The calling driver's pings between from and to (default: the last 24 hours), oldest first")
	PingPage mine(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) @Nullable Instant from,
			@RequestParam(required = false) @Nullable Instant to, @RequestParam(required = false) @Nullable Instant after,
			@RequestParam(defaultValue = "500") @Min(1) @Max(1000) int limit) {
		return page(ShiftController.driver(caller), from, to, after, limit);
	}

	@GetMapping("/v1/drivers/{driverId}/locations")
	@Transactional(readOnly = true)
	@Operation(summary = "A driver's pings between from and to (operators), oldest first")
	PingPage driver(@AuthenticationPrincipal Caller caller, @PathVariable UUID driverId,
			@RequestParam(required = false) @Nullable Instant from, @RequestParam(required = false) @Nullable Instant to,
			@RequestParam(required = false) @Nullable Instant after,
			@RequestParam(defaultValue = "500") @Min(1) @Max(1000) int limit) {
		if (!caller.isOperator() && !caller.id().equals(driverId)) {
			throw new NotFound("Driver");
		}
		return page(driverId, from, to, after, limit);
	}

	private PingPage page(UUID driverId, @Nullable Instant from, @Nullable Instant to, @Nullable Instant after,
			int limit) {
		Instant until = to != null ? to : clock.instant();
		Instant since = from != null ? from : until.minus(DEFAULT_SPAN);
		if (!since.isBefore(until)) {
			throw new InvalidInput(400, List.of(new FieldError("from", "must be before to")));
		}
		List<PingView> rows = history.between(driverId, since, until, after, limit + 1);
		boolean more = rows.size() > limit;
		List<PingView> data = more ? rows.subList(0, limit) : rows;
		return new PingPage(data, more ? data.getLast().recordedAt() : null);
	}
}
