package com.returnit.tracking.internal.live;

import java.util.Map;
import java.util.UUID;

/**
 * What a subscriber receives: {@code order.status} events carry a numeric id from the stream log (resumable with
 * {@code lastEventId}); {@code driver.position} events are not logged and carry a {@code pos-} id.
 */
record StreamEvent(String id, String type, UUID orderId, Map<String, Object> data) {
}
