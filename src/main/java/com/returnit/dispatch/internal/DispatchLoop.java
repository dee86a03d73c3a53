package com.returnit.dispatch.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every tick: expire overdue offers, then dispatch due orders. Safe on many nodes (rows are claimed with SKIP LOCKED). */
@Component
@ConditionalOnBooleanProperty(name = "returnit.dispatch.enabled", matchIfMissing = true)
class DispatchLoop {

	private static final int BATCH = 50;

	private final Dispatcher dispatcher;

	DispatchLoop(Dispatcher dispatcher) {
		this.dispatcher = dispatcher;
	}

	@Scheduled(fixedDelayString = "${returnit.dispatch.tick:PT1S}", initialDelayString = "PT2S")
	void tick() {
		int handled;
		do {
			handled = dispatcher.expireOffers(BATCH);
		}
		while (handled == BATCH);
		do {
			handled = dispatcher.dispatchDue(BATCH);
		}
		while (handled == BATCH);
	}
}
