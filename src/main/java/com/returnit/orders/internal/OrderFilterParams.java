package com.returnit.orders.internal;

import com.returnit.identity.Caller;
import com.returnit.identity.Role;
import com.returnit.inputs.Times;
import com.returnit.orders.internal.domain.OrderStatus;
import com.returnit.platform.FieldError;
import com.returnit.platform.InvalidInput;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The query parameters that narrow a list or an export of orders, read into an {@link OrderFilter}: every bad one is
 * a 400 naming it. {@code customer} and {@code merchantOrderRef} are for merchants and operators, who see them.
 */
final class OrderFilterParams {

	static final String STATUSES = "scheduled, assigned, en_route, picked_up, delivered, cancelled or failed";

	private OrderFilterParams() {
	}

	static OrderFilter read(Caller caller, @Nullable String status, @Nullable String from, @Nullable String to,
			@Nullable String customer, @Nullable String merchantOrderRef) {
		List<FieldError> errors = new ArrayList<>();
		OrderStatus parsedStatus = status(status, errors);
		LocalDate fromDate = date("from", from, errors);
		LocalDate toDate = date("to", to, errors);
		if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
			errors.add(new FieldError("to", "must not be before from"));
		}
		String customerText = text("customer", customer, 254, caller, errors);
		String ref = text("merchantOrderRef", merchantOrderRef, 100, caller, errors);
		if (!errors.isEmpty()) {
			throw new InvalidInput(400, errors);
		}
		return new OrderFilter(parsedStatus, fromDate, toDate, customerText, ref);
	}

	/** An ISO date (2026-11-30) within years 1 to 9999; null when absent or blank. */
	static @Nullable LocalDate date(String field, @Nullable String value, List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Times.checked(LocalDate.parse(value.strip()));
		}
		catch (DateTimeParseException e) {
			errors.add(new FieldError(field, "must be a date such as 2026-11-30"));
		}
		catch (IllegalArgumentException e) {
			errors.add(new FieldError(field, e.getMessage()));
		}
		return null;
	}

	private static @Nullable OrderStatus status(@Nullable String status, List<FieldError> errors) {
		if (status == null) {
			return null;
		}
		try {
			return OrderStatus.fromCode(status.trim().toLowerCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			errors.add(new FieldError("status", "must be one of " + STATUSES.replace(" or ", ", ")));
			return null;
		}
	}

	private static @Nullable String text(String field, @Nullable String value, int max, Caller caller,
			List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (caller.role() != Role.MERCHANT && caller.role() != Role.OPERATOR) {
			errors.add(new FieldError(field, "is a filter for merchants and operators"));
			return null;
		}
		String stripped = value.strip();
		if (stripped.length() > max) {
			errors.add(new FieldError(field, "must be at most " + max + " characters"));
			return null;
		}
		return stripped;
	}
}
