package com.returnit.platform.internal.replica;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What this node last learned about the replica: reachable and close enough behind the primary to serve reads, too
 * far behind, or unreachable. Only an {@link Status#UP} replica serves reads; the others send reads to the primary.
 */
final class ReplicaState {

	enum Status {
		UP, LAGGING, DOWN
	}

	/** One observation; {@code lagSeconds} is null while the replica could not be asked. */
	record Reading(Status status, @Nullable Double lagSeconds, @Nullable String problem, Instant at) {
	}

	private final Duration maxLag;
	private volatile Reading current;
	private volatile long replayed = WalPosition.NONE;

	ReplicaState(Duration maxLag, Instant now) {
		this.maxLag = maxLag;
		this.current = new Reading(Status.DOWN, null, "not checked yet", now);
	}

	Reading current() {
		return current;
	}

	boolean servesReads() {
		return current.status() == Status.UP;
	}

	/** How far the replica had replayed the primary's log when last measured ({@link WalPosition}). */
	long replayed() {
		return replayed;
	}

	/** Returns whether the replica came back (was not serving, now does). */
	boolean measured(double lagSeconds, Instant now) {
		return measured(lagSeconds, WalPosition.EVERYTHING, now);
	}

	/** As {@link #measured(double, Instant)}, with the position the replica had replayed. */
	boolean measured(double lagSeconds, long replayedPosition, Instant now) {
		replayed = replayedPosition;
		boolean wasServing = servesReads();
		boolean behind = lagSeconds * 1000 > maxLag.toMillis();
		current = new Reading(behind ? Status.LAGGING : Status.UP, lagSeconds,
				behind ? "replica is " + lagSeconds + " s behind, more than " + maxLag.toMillis() + " ms" : null, now);
		return !wasServing && servesReads();
	}

	void unreachable(String problem, Instant now) {
		replayed = WalPosition.NONE;
		current = new Reading(Status.DOWN, null, problem, now);
	}
}
