package com.returnit.policy;

import java.util.List;

/** A merchant's return rules: a window after purchase, excluded categories, limits, and custom CEL rules. */
public record ReturnPolicy(int windowDays, List<String> excludedCategories, int maxItems, long maxItemValueCents,
		List<CustomRule> rules) {

	public ReturnPolicy {
		excludedCategories = List.copyOf(excludedCategories);
		rules = List.copyOf(rules);
	}

	/** A named CEL expression over {@code item} and {@code pickup}; true means the item may be returned. */
	public record CustomRule(String name, String expression, String message) {
	}
}
