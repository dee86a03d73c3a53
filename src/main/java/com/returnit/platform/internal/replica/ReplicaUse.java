package com.returnit.platform.internal.replica;

/**
 * Per thread: whether the current read-only unit of work was handed a replica connection, and whether it must stay on
 * the primary (a retry after the replica failed under it).
 */
final class ReplicaUse {

	private static final ThreadLocal<Boolean> USED = ThreadLocal.withInitial(() -> false);
	private static final ThreadLocal<Boolean> PRIMARY_ONLY = ThreadLocal.withInitial(() -> false);

	private ReplicaUse() {
	}

	static void markUsed() {
		USED.set(true);
	}

	static boolean used() {
		return USED.get();
	}

	static void reset() {
		USED.remove();
	}

	static boolean primaryOnly() {
		return PRIMARY_ONLY.get();
	}

	static void primaryOnly(boolean on) {
		if (on) {
			PRIMARY_ONLY.set(true);
		}
		else {
			PRIMARY_ONLY.remove();
		}
	}
}
