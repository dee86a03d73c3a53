package com.returnit.orders.internal.domain;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One booked item as it stands at the door: {@code pending} until the driver reports it (and for orders cancelled or
 * failed before that), then {@code collected} or {@code refused} with the condition and note the driver gave.
 */
public record ItemOutcome(String sku, String description, Outcome outcome, @Nullable String condition,
		@Nullable String note) {

	public enum Outcome {
		COLLECTED, REFUSED, PENDING
	}

	static ItemOutcome of(OrderItem item, @Nullable PickupProof proof) {
		PickupProof.ItemCheck check = proof == null ? null
				: proof.items().stream().filter(c -> c.sku().equals(item.sku())).findFirst().orElse(null);
		if (check == null) {
			return new ItemOutcome(item.sku(), item.description(), Outcome.PENDING, null, null);
		}
		return new ItemOutcome(item.sku(), item.description(), check.verified() ? Outcome.COLLECTED : Outcome.REFUSED,
				check.condition().name().toLowerCase(Locale.ROOT), check.note());
	}
}
