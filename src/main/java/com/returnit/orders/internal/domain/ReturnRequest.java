package com.returnit.orders.internal.domain;

import java.util.List;
import java.util.UUID;

/** What a customer asks for: these items, from this merchant, collected here and then. Quoted, then booked. */
public record ReturnRequest(UUID merchantId, Pickup pickup, List<OrderItem> items) {
}
