package com.returnit.orders;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Return links that merchants prefill for a customer, as booking needs them (implemented by the returnlinks module,
 * which depends on orders, never the reverse). A guest caller ({@code Caller.sessionId()}) quotes and books only
 * from its session: that merchant, a subset of those items as the merchant described them, one order (ADR 0035).
 */
public interface ReturnSessions {

	/** The session as booking from it needs it. */
	record Session(UUID id, UUID merchantId, UUID customerId, String merchantOrderRef, List<Item> items) {

		public Optional<Item> item(String sku) {
			return items.stream().filter(item -> item.sku().equals(sku)).findFirst();
		}
	}

	/** An item the merchant named; {@code tagsAttached} null when the merchant did not say (the customer does). */
	record Item(String sku, String description, String category, Instant purchasedAt, long valueCents,
			@Nullable Boolean tagsAttached) {
	}

	/**
	 * The session, if an order may be booked from it now.
	 * @throws com.returnit.platform.NotFound when there is no such session
	 * @throws com.returnit.platform.Gone when it expired or was revoked
	 * @throws com.returnit.platform.Conflict when an order was booked from it already
	 */
	Session bookable(UUID sessionId);

	/**
	 * Records that this order was booked from the session, in the booking's transaction (which it locks the session
	 * for); refused as {@link #bookable} refuses when another booking, a revocation or the expiry came first.
	 */
	void booked(UUID sessionId, UUID orderId);
}
