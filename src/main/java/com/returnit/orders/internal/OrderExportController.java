package com.returnit.orders.internal;

import com.returnit.identity.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The merchant's returns as a CSV download, with the list's filters, streamed to the client as the database hands
 * the rows over (see {@link OrderExport}). Merchants (key and members) and operators only; route rule in security.
 */
@RestController
@Tag(name = "Merchant insights")
class OrderExportController {

	private final OrderExport export;
	private final Clock clock;

	OrderExportController(OrderExport export, Clock clock) {
		this.export = export;
		this.clock = clock;
	}

	@GetMapping("/v1/orders/export.csv")
	@Operation(summary = "The caller's orders as CSV (merchants and operators), newest first, with the list's filters; "
			+ "streamed row by row", responses = @ApiResponse(responseCode = "200",
					content = @Content(mediaType = "text/csv")))
	void exportCsv(@AuthenticationPrincipal Caller caller,
			@Parameter(description = OrderFilterParams.STATUSES) @RequestParam(required = false) @Nullable String status,
			@Parameter(description = "created on or after this date (UTC), e.g. 2026-11-01")
			@RequestParam(required = false) @Nullable String from,
			@Parameter(description = "created on or before this date (UTC), e.g. 2026-11-30")
			@RequestParam(required = false) @Nullable String to,
			@Parameter(description = "the customer's exact email, or a piece of their name (case-insensitive)")
			@RequestParam(required = false) @Nullable String customer,
			@Parameter(description = "the merchant's order reference, exactly")
			@RequestParam(required = false) @Nullable String merchantOrderRef,
			HttpServletResponse response) throws IOException {
		OrderFilter filter = OrderFilterParams.read(caller, status, from, to, customer, merchantOrderRef);
		response.setContentType("text/csv; charset=utf-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName(filter) + "\"");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
				16 * 1024);
		export.write(OrderService.scopeOf(caller), filter, out);
		out.flush();
	}

	/** {@code returns-<from>-<to>.csv}; an open start is {@code all}, an open end today (UTC). */
	private String fileName(OrderFilter filter) {
		String from = filter.from() == null ? "all" : filter.from().toString();
		LocalDate to = filter.to() == null ? LocalDate.now(clock.withZone(ZoneOffset.UTC)) : filter.to();
		return "returns-" + from + "-" + to + ".csv";
	}
}
