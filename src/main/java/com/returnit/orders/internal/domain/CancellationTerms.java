package com.returnit.orders.internal.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What cancelling an order would do at one instant: whether it may be cancelled, what it costs then
 * ({@code feeCents} in minor units of {@code currency}; 0 when it may not), from when the late fee applies, and
 * why it may not ({@code reason}, null when it may).
 */
public record CancellationTerms(boolean cancellable, long feeCents, String currency, Instant feeAppliesFrom,
		@Nullable String reason) {

	static CancellationTerms refused(OrderStatus status, LateFee fee, String currency) {
		String reason = switch (status) {
			case PICKED_UP, DELIVERED -> "already picked up";
			case CANCELLED -> "already cancelled";
			case FAILED -> "the pickup failed";
			default -> "not cancellable while " + status.code();
		};
		return new CancellationTerms(false, 0, currency, fee.appliesFrom(), reason);
	}

	/** The same terms, refused for this reason (a caller who may not cancel at all). */
	public CancellationTerms refusedBecause(String why) {
		return new CancellationTerms(false, 0, currency, feeAppliesFrom, why);
	}
}
