package com.returnit.policy;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A merchant's return rules: a window after purchase, excluded categories, limits, custom CEL rules, and what a late
 * cancellation costs ({@code lateCancellationFeeCents}, minor units; null means the platform's default fee).
 */
public record ReturnPolicy(int windowDays, List<String> excludedCategories, int maxItems, long maxItemValueCents,
		List<CustomRule> rules, @Nullable Long lateCancellationFeeCents) {

	public ReturnPolicy {
		excludedCategories = List.copyOf(excludedCategories);
		rules = List.copyOf(rules);
	}

	/** A policy that charges the platform's default late-cancellation fee. */
	public ReturnPolicy(int windowDays, List<String> excludedCategories, int maxItems, long maxItemValueCents,
			List<CustomRule> rules) {
		this(windowDays, excludedCategories, maxItems, maxItemValueCents, rules, null);
	}

	/** A named CEL expression over {@code item} and {@code pickup}; true means the item may be returned. */
	public record CustomRule(String name, String expression, String message) {
	}
}
