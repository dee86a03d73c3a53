package com.returnit.dispatch;

import java.time.Instant;
import java.util.UUID;

/**
 * An order was offered to a driver, who has until {@code expiresAt} to accept or decline it (published in the
 * transaction that recorded the offer, so listeners hear of committed offers only).
 */
public record OfferMade(UUID offerId, UUID orderId, UUID driverId, double distanceKm, Instant expiresAt,
		Instant occurredAt) {
}
