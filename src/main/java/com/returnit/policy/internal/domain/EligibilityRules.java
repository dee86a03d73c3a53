package com.returnit.policy.internal.domain;

import com.returnit.policy.Eligibility;
import com.returnit.policy.PickupRequest;
import com.returnit.policy.Reason;
import com.returnit.policy.ReturnItem;
import com.returnit.policy.ReturnPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Each rule is a small named function that returns a reason instead of throwing, so a request breaking three
 * rules hears about all three.
 */
public final class EligibilityRules {

	private EligibilityRules() {
	}

	public static Optional<Reason> withinReturnWindow(ReturnPolicy policy, ReturnItem item, Instant now) {
		Instant deadline = item.purchasedAt().plus(Duration.ofDays(policy.windowDays()));
		return now.isAfter(deadline)
				? Optional.of(new Reason("return_window",
						"Purchased more than " + policy.windowDays() + " days ago; the return window has closed."))
				: Optional.empty();
	}

	public static Optional<Reason> categoryAllowed(ReturnPolicy policy, ReturnItem item) {
		boolean excluded = policy.excludedCategories().stream()
			.anyMatch(category -> category.equalsIgnoreCase(item.category()));
		return excluded ? Optional.of(new Reason("excluded_category",
				"Items in category '" + item.category().toLowerCase(Locale.ROOT) + "' cannot be returned."))
				: Optional.empty();
	}

	public static Optional<Reason> valueWithinLimit(ReturnPolicy policy, ReturnItem item) {
		return item.valueCents() > policy.maxItemValueCents()
				? Optional.of(new Reason("max_item_value",
						"Item value " + item.valueCents() + " exceeds the limit of " + policy.maxItemValueCents() + "."))
				: Optional.empty();
	}

	public static Optional<Reason> notPurchasedInFuture(ReturnItem item, Instant now) {
		return item.purchasedAt().isAfter(now)
				? Optional.of(new Reason("purchase_date", "The purchase date lies in the future."))
				: Optional.empty();
	}

	public static Optional<Reason> withinItemLimit(ReturnPolicy policy, int itemCount) {
		return itemCount > policy.maxItems()
				? Optional.of(new Reason("max_items",
						"At most " + policy.maxItems() + " items per pickup; this request has " + itemCount + "."))
				: Optional.empty();
	}

	public static Optional<Reason> insideServiceArea(boolean covered) {
		return covered ? Optional.empty()
				: Optional.of(new Reason("service_area", "The pickup address is outside every service area."));
	}

	/** Runs every rule on the request and collects every reason. */
	public static Eligibility evaluate(int version, ReturnPolicy policy, PickupRequest pickup, List<ReturnItem> items,
			boolean covered, CustomRuleEngine engine, Instant now) {
		List<Reason> pickupReasons = new ArrayList<>();
		withinItemLimit(policy, items.size()).ifPresent(pickupReasons::add);
		insideServiceArea(covered).ifPresent(pickupReasons::add);
		List<Eligibility.ItemVerdict> verdicts = items.stream()
			.map(item -> new Eligibility.ItemVerdict(item.sku(), itemReasons(policy, pickup, item, items.size(), engine, now)))
			.toList();
		return new Eligibility(version, List.copyOf(pickupReasons), verdicts);
	}

	private static List<Reason> itemReasons(ReturnPolicy policy, PickupRequest pickup, ReturnItem item, int itemCount,
			CustomRuleEngine engine, Instant now) {
		List<Reason> reasons = new ArrayList<>();
		notPurchasedInFuture(item, now).ifPresent(reasons::add);
		withinReturnWindow(policy, item, now).ifPresent(reasons::add);
		categoryAllowed(policy, item).ifPresent(reasons::add);
		valueWithinLimit(policy, item).ifPresent(reasons::add);
		for (ReturnPolicy.CustomRule rule : policy.rules()) {
			if (!engine.passes(rule, item, pickup, itemCount, now)) {
				reasons.add(new Reason(rule.name(), rule.message()));
			}
		}
		return List.copyOf(reasons);
	}
}
