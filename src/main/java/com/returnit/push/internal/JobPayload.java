package com.returnit.push.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a push about a job an operator gave a driver carries: enough to show it and open the app on it, never the
 * customer's address. The service worker shows it only when the app is not on screen (a driver who accepted an offer
 * in the app already knows).
 */
record JobPayload(String type, UUID orderId, @Nullable String pickupArea, OfferPayload.Window window, int itemsCount) {
}
