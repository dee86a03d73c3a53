package com.returnit.slots.internal.domain;

import java.time.Instant;
import java.util.UUID;

/** An area's pickup windows and how many pickups each window takes. */
public record Schedule(UUID areaId, WindowPlan plan, int capacityPerWindow, Instant updatedAt) {
}
