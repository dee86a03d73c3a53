package com.returnit.tracking.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Moves this node's latest-position cache and spatial index as soon as any node's positions commit (the periodic
 * refresh stays as the safety net for a missed message).
 */
@Component
class PositionsFollower {

	private final LatestPositions latest;
	private final OnShiftIndex index;

	PositionsFollower(LatestPositions latest, OnShiftIndex index) {
		this.latest = latest;
		this.index = index;
	}

	@EventListener
	void on(PositionsCommitted committed) {
		committed.positions().forEach(latest::refreshed);
		index.moved(committed.positions());
	}
}
