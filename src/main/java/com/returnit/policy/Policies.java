package com.returnit.policy;

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

	/** The late-cancellation fee of the merchant's current policy, or the platform's default when it names none. */
	LateCancellationTerms lateCancellation(UUID merchantId);

	/** Checks a request against the merchant's current policy and the service areas; all reasons, never the first. */
	Eligibility check(UUID merchantId, PickupRequest pickup, List<ReturnItem> items);
}
