package com.returnit.policy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The policy module's API. */
public interface Policies {

	/**
	 * Saves a new version of the merchant's policy. Refuses (with every fault, fields named under
	 * {@code fieldPrefix}) a policy whose limits are invalid or whose rules do not compile to a boolean.
	 */
	PolicyVersion define(UUID merchantId, ReturnPolicy policy, String fieldPrefix);

	PolicyVersion current(UUID merchantId);

	/** Every saved version of the merchant's policy, newest first (empty for an unknown merchant). */
	List<PolicyVersion> versions(UUID merchantId);

	/**
	 * What {@link #define} would refuse in a draft, saving nothing: every fault, each compile error of a rule on its
	 * own with its place in the expression; empty when the draft could be saved.
	 */
	List<PolicyProblem> review(ReturnPolicy draft);

	/**
	 * Checks a request against the given policy (a draft or a saved one) with the same rules {@link #check} applies,
	 * as if it were asked at {@code at}; the service areas are not consulted. A draft has version 0.
	 */
	Eligibility evaluate(ReturnPolicy policy, int version, PickupRequest pickup, List<ReturnItem> items, Instant at);

	/** The late-cancellation fee of the merchant's current policy, or the platform's default when it names none. */
	LateCancellationTerms lateCancellation(UUID merchantId);

	/** Checks a request against the merchant's current policy and the service areas; all reasons, never the first. */
	Eligibility check(UUID merchantId, PickupRequest pickup, List<ReturnItem> items);
}
