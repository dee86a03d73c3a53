package com.returnit.policy;

import java.time.Instant;

/** Where and when the items are to be collected. */
public record PickupRequest(String address, double lat, double lng, Instant windowStart, Instant windowEnd) {
}
