package com.returnit.merchants;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A retailer connected to ReturnIt, with its hubs. */
public record Merchant(UUID id, String name, List<Hub> hubs, Instant createdAt) {
}
