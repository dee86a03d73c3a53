package com.returnit.orders.internal;

import com.returnit.orders.internal.domain.OrderStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a list or an export of orders is narrowed to, within the caller's own orders: a status, creation dates (UTC,
 * both inclusive), a customer (an exact email or a piece of the name, case-insensitively) and the merchant's order
 * reference (exact). Every part is optional.
 */
record OrderFilter(@Nullable OrderStatus status, @Nullable LocalDate from, @Nullable LocalDate to,
		@Nullable String customer, @Nullable String merchantOrderRef) {

	/**
	 * How far an order's id (UUIDv7, stamped when it is booked) may lie before its {@code created_at}: the id bounds
	 * only narrow the index range, the exact condition is on {@code created_at}.
	 */
	private static final long ID_SLACK_MILLIS = 3_600_000;

	static OrderFilter of(@Nullable OrderStatus status) {
		return new OrderFilter(status, null, null, null, null);
	}

	@Nullable Instant createdFrom() {
		return from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	/** The first instant after the range. */
	@Nullable Instant createdBefore() {
		return to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	/** The smallest UUIDv7 an order created at {@code from} can have (ids sort by their millisecond first). */
	static UUID lowestIdAt(Instant instant) {
		return new UUID(Math.max(0, instant.toEpochMilli() - ID_SLACK_MILLIS) << 16, 0L);
	}

	/** An id above every UUIDv7 of an order created before {@code instant}. */
	static UUID idAbove(Instant instant) {
		return new UUID((instant.toEpochMilli() + ID_SLACK_MILLIS) << 16, 0L);
	}

	/** The customer filter as a lower-case email to match exactly. */
	@Nullable String customerEmail() {
		return customer == null ? null : customer.toLowerCase(Locale.ROOT);
	}

	/** The customer filter as a LIKE pattern matching it anywhere in a lower-case name. */
	@Nullable String customerNamePattern() {
		if (customer == null) {
			return null;
		}
		String escaped = customer.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		return "%" + escaped + "%";
	}
}
