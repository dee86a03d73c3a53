package com.returnit.policy;

import java.util.List;

/**
 * The verdict on a return request: reasons against the pickup as a whole, and per item. Eligible only when
 * there are none at all.
 */
public record Eligibility(int policyVersion, List<Reason> pickupReasons, List<ItemVerdict> items) {

	public record ItemVerdict(String sku, List<Reason> reasons) {

		public boolean eligible() {
			return reasons.isEmpty();
		}
	}

	public boolean eligible() {
		return pickupReasons.isEmpty() && items.stream().allMatch(ItemVerdict::eligible);
	}
}
