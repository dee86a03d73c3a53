package com.returnit.push.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a push about an offer carries, in JSON: enough for the service worker to show the offer and open the app on
 * it, never the customer's address (a lock screen shows it). Kept well under the 4 KB push services accept.
 */
record OfferPayload(String type, UUID offerId, UUID orderId, @Nullable String pickupArea, Window window,
		int itemsCount, @Nullable Earnings earnings, Instant expiresAt) {

	record Window(Instant start, Instant end) {
	}

	record Earnings(long amountCents, String currency) {
	}
}
