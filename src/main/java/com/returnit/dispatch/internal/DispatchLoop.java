package com.returnit.dispatch.internal;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every tick: expire overdue offers, then dispatch the due orders of the service areas in greedy mode; the due orders
 * of the areas in batched mode are paired every batch interval instead (the mode of each area: {@link DispatchModes}).
 * Safe on many nodes (rows are claimed with SKIP LOCKED).
 */
@Component
@ConditionalOnBooleanProperty(name = "returnit.dispatch.enabled", matchIfMissing = true)
class DispatchLoop {

	private static final int BATCH = 50;

	private final Dispatcher dispatcher;
	private final BatchDispatcher batches;
	private final DispatchProperties properties;
	private final DispatchModes modes;
	private final JobRepository jobs;
	private final Clock clock;

	DispatchLoop(Dispatcher dispatcher, BatchDispatcher batches, DispatchProperties properties, DispatchModes modes,
			JobRepository jobs, Clock clock) {
		this.dispatcher = dispatcher;
		this.batches = batches;
		this.properties = properties;
		this.modes = modes;
		this.jobs = jobs;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${returnit.dispatch.tick:PT1S}", initialDelayString = "PT2S")
	void tick() {
		int handled;
		do {
			handled = dispatcher.expireOffers(BATCH);
		}
		while (handled == BATCH);
		Set<UUID> greedy = modes.areasIn(DispatchMode.GREEDY, jobs.dueAreas(clock.instant()));
		if (!greedy.isEmpty()) {
			do {
				handled = dispatcher.dispatchDue(BATCH, greedy);
			}
			while (handled == BATCH);
		}
	}

	/** One batch per interval, however many orders wait: those left over stay due and go first next time. */
	@Scheduled(fixedDelayString = "${returnit.dispatch.batch-interval:PT5S}", initialDelayString = "PT2S")
	void batch() {
		Set<UUID> batched = modes.areasIn(DispatchMode.BATCHED, jobs.dueAreas(clock.instant()));
		if (!batched.isEmpty()) {
			batches.dispatchBatch(properties.batchSize(), batched);
		}
	}
}
