package com.returnit.dispatch.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every tick: expire overdue offers, then in greedy mode dispatch due orders; in batched mode a batch of due orders is
 * paired every batch interval instead. Safe on many nodes (rows are claimed with SKIP LOCKED).
 */
@Component
@ConditionalOnBooleanProperty(name = "returnit.dispatch.enabled", matchIfMissing = true)
class DispatchLoop {

	private static final int BATCH = 50;

	private final Dispatcher dispatcher;
	private final BatchDispatcher batches;
	private final DispatchProperties properties;

	DispatchLoop(Dispatcher dispatcher, BatchDispatcher batches, DispatchProperties properties) {
		this.dispatcher = dispatcher;
		this.batches = batches;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "${returnit.dispatch.tick:PT1S}", initialDelayString = "PT2S")
	void tick() {
		int handled;
		do {
			handled = dispatcher.expireOffers(BATCH);
		}
		while (handled == BATCH);
		if (properties.mode() == DispatchMode.GREEDY) {
			do {
				handled = dispatcher.dispatchDue(BATCH);
			}
			while (handled == BATCH);
		}
	}

	/** One batch per interval, however many orders wait: those left over stay due and go first next time. */
	@Scheduled(fixedDelayString = "${returnit.dispatch.batch-interval:PT5S}", initialDelayString = "PT2S")
	void batch() {
		if (properties.mode() == DispatchMode.BATCHED) {
			batches.dispatchBatch(properties.batchSize());
		}
	}
}
