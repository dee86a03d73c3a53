package com.returnit.orders.internal;

import com.returnit.identity.Caller;
import com.returnit.merchants.Merchants;
import com.returnit.orders.internal.OverviewBodies.MerchantOverviewView;
import com.returnit.platform.FieldError;
import com.returnit.platform.InvalidInput;
import com.returnit.platform.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The merchant portal's overview: its returns counted over a range of days, for the merchant and operators. */
@RestController
@Tag(name = "Merchant insights")
class OverviewController {

	/** The longest range one overview covers, in days (a year, leap years included). */
	static final int MAX_DAYS = 366;

	private final MerchantOverview overview;
	private final Merchants merchants;
	private final Clock clock;

	OverviewController(MerchantOverview overview, Merchants merchants, Clock clock) {
		this.overview = overview;
		this.merchants = merchants;
		this.clock = clock;
	}

	@GetMapping("/v1/merchants/{id}/overview")
	@Operation(summary = "The merchant's returns over a range of days (UTC): per day, by status, pickup success, "
			+ "items refused at the door, booking to hub; the last 30 days by default")
	MerchantOverviewView overview(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
			@Parameter(description = "first day, inclusive, e.g. 2026-11-01 (default: 29 days before to)")
			@RequestParam(required = false) @Nullable String from,
			@Parameter(description = "last day, inclusive, e.g. 2026-11-30 (default: today, UTC)")
			@RequestParam(required = false) @Nullable String to) {
		if (!caller.canManageMerchant(id) || merchants.find(id).isEmpty()) {
			throw new NotFound("Merchant");
		}
		List<FieldError> errors = new ArrayList<>();
		LocalDate fromDate = OrderFilterParams.date("from", from, errors);
		LocalDate toDate = OrderFilterParams.date("to", to, errors);
		if (!errors.isEmpty()) {
			throw new InvalidInput(400, errors);
		}
		LocalDate last = toDate != null ? toDate : LocalDate.now(clock.withZone(ZoneOffset.UTC));
		LocalDate first = fromDate != null ? fromDate : last.minusDays(29);
		if (last.isBefore(first)) {
			throw InvalidInput.badRequest("to", "must not be before from");
		}
		if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
			throw InvalidInput.badRequest("from", "must be at most " + MAX_DAYS + " days before to, both included");
		}
		return overview.of(id, first, last);
	}
}
