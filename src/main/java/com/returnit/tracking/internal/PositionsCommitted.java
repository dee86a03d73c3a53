package com.returnit.tracking.internal;

import com.returnit.tracking.Position;
import java.util.List;

/**
 * Drivers' latest positions committed by some node, as heard on the fan-out: a local application event that moves
 * this node's cache and spatial index and pushes the positions to live subscribers.
 */
public record PositionsCommitted(List<Position> positions) {
}
