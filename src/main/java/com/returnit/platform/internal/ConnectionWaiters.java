package com.returnit.platform.internal;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The threads waiting for a pooled connection right now, so that a {@link DatabaseCircuit} that opens can tell them at
 * once instead of letting them wait out the pool's connection-timeout. Telling is an interrupt of a thread that is
 * still waiting, under the waiter's lock: once a waiter has finished, it is never interrupted, and a waiter told
 * while it finishes has its interrupt cleared, so no interrupt ever leaks into the rest of the request.
 */
final class ConnectionWaiters {

	private final Set<Waiter> waiting = ConcurrentHashMap.newKeySet();

	/** The calling thread starts waiting; it must {@link Waiter#finish()} in every case. */
	Waiter begin() {
		Waiter waiter = new Waiter(Thread.currentThread(), System.nanoTime());
		waiting.add(waiter);
		return waiter;
	}

	/** How long the longest current waiter has been waiting (zero when nobody waits). */
	Duration longestWait() {
		long now = System.nanoTime();
		long longest = 0;
		for (Waiter waiter : waiting) {
			longest = Math.max(longest, now - waiter.since);
		}
		return Duration.ofNanos(longest);
	}

	/** Stops every current wait: each waiter's {@link Waiter#finish()} then says it was cancelled. */
	int cancelAll() {
		int cancelled = 0;
		for (Waiter waiter : waiting) {
			cancelled += waiter.cancel() ? 1 : 0;
		}
		return cancelled;
	}

	final class Waiter {

		private final Thread thread;
		private final long since;
		private boolean finished;
		private boolean cancelled;

		private Waiter(Thread thread, long since) {
			this.thread = thread;
			this.since = since;
		}

		private synchronized boolean cancel() {
			if (finished || cancelled) {
				return false;
			}
			cancelled = true;
			thread.interrupt();
			return true;
		}

		/** Called by the waiting thread when its wait is over; true if it was cancelled (its interrupt is cleared). */
		synchronized boolean finish() {
			finished = true;
			waiting.remove(this);
			if (cancelled) {
				Thread.interrupted();
			}
			return cancelled;
		}
	}
}
