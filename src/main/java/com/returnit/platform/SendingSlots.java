package com.returnit.platform;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntUnaryOperator;

/**
 * How many sends an outbox worker has in flight at most, and how one of its rounds claims work: as many due items as
 * there are free slots, again as long as each claim comes back full, waiting for a slot when all are busy, for at
 * most one poll interval. A backlog drains as fast as the slots send, not one claim per round (ADR 0054).
 */
public final class SendingSlots {

	private final Semaphore slots;

	public SendingSlots(int max) {
		this.slots = new Semaphore(max);
	}

	/**
	 * One round. {@code claim} gets the number of items it may claim (free slots, at most {@code batchSize}), starts
	 * each one it claimed with {@link #take()} before and {@link #give()} when it is done, and answers how many it
	 * claimed.
	 */
	public void round(Duration pollInterval, int batchSize, IntUnaryOperator claim, BooleanSupplier stopped) {
		long until = System.nanoTime() + pollInterval.toNanos();
		while (System.nanoTime() < until && !stopped.getAsBoolean()) {
			int free = Math.min(slots.availablePermits(), batchSize);
			if (free == 0) {
				if (!slotFreesUpBefore(until)) {
					return;
				}
			}
			else if (claim.applyAsInt(free) < free) {
				return;
			}
		}
	}

	/** Holds a slot for one send. */
	public void take() {
		slots.acquireUninterruptibly();
	}

	/** Gives the slot of a finished send back. */
	public void give() {
		slots.release();
	}

	private boolean slotFreesUpBefore(long until) {
		try {
			if (slots.tryAcquire(until - System.nanoTime(), TimeUnit.NANOSECONDS)) {
				slots.release();
				return true;
			}
			return false;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}
}
