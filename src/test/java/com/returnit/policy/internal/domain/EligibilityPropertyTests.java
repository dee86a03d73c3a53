package com.returnit.policy.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.policy.Eligibility;
import com.returnit.policy.PickupRequest;
import com.returnit.policy.Reason;
import com.returnit.policy.ReturnItem;
import com.returnit.policy.ReturnPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class EligibilityPropertyTests {

	private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
	private static final ReturnPolicy POLICY = new ReturnPolicy(30, List.of("underwear", "gift-card"), 5, 50_000,
			List.of());
	private static final PickupRequest PICKUP = new PickupRequest("Torstrasse 1", 52.529, 13.401,
			NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1)).plus(Duration.ofHours(2)));
	private static final CustomRuleEngine NO_CUSTOM_RULES = new CustomRuleEngine() {
		@Override
		public Optional<String> compileError(String expression) {
			return Optional.empty();
		}

		@Override
		public boolean passes(ReturnPolicy.CustomRule rule, ReturnItem item, PickupRequest pickup, int itemCount,
				Instant now) {
			throw new AssertionError("the policy under test has no custom rules");
		}
	};

	@Property
	void everyBrokenRuleOfAnItemIsReportedAndNoOther(@ForAll("items") ReturnItem item) {
		Eligibility verdict = evaluate(List.of(item), true);

		assertThat(codes(verdict.items().getFirst().reasons())).isEqualTo(expectedCodes(item));
		assertThat(verdict.eligible()).isEqualTo(expectedCodes(item).isEmpty());
	}

	@Property
	void anItemsVerdictDoesNotDependOnTheOtherItems(@ForAll("itemLists") List<ReturnItem> items) {
		Eligibility together = evaluate(items, true);

		for (int i = 0; i < items.size(); i++) {
			assertThat(together.items().get(i).reasons())
				.isEqualTo(evaluate(List.of(items.get(i)), true).items().getFirst().reasons());
		}
	}

	@Property
	void moreItemsThanThePolicyAllowsIsAReasonAgainstThePickup(@ForAll @IntRange(min = 1, max = 12) int count) {
		List<ReturnItem> items = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			items.add(item("SKU-" + i, "tops", NOW.minus(Duration.ofDays(3)), 1_000));
		}
		Eligibility verdict = evaluate(items, true);

		assertThat(codes(verdict.pickupReasons()).contains("max_items")).isEqualTo(count > POLICY.maxItems());
	}

	@Property
	void aPickupOutsideEveryAreaIsRefusedWhateverTheItems(@ForAll("itemLists") List<ReturnItem> items) {
		Eligibility verdict = evaluate(items, false);

		assertThat(verdict.eligible()).isFalse();
		assertThat(codes(verdict.pickupReasons())).contains("service_area");
	}

	@Property
	void theReturnWindowIncludesItsLastSecond(@ForAll @IntRange(min = -5, max = 5) int secondsPastDeadline) {
		Instant purchased = NOW.minus(Duration.ofDays(POLICY.windowDays())).minusSeconds(secondsPastDeadline);

		assertThat(EligibilityRules.withinReturnWindow(POLICY, item("S", "tops", purchased, 1), NOW).isPresent())
			.isEqualTo(secondsPastDeadline > 0);
	}

	@Provide
	Arbitrary<List<ReturnItem>> itemLists() {
		return items().list().ofMinSize(1).ofMaxSize(5);
	}

	@Provide
	Arbitrary<ReturnItem> items() {
		Arbitrary<String> category = Arbitraries.of("tops", "outerwear", "underwear", "UNDERWEAR", "gift-card", "shoes");
		Arbitrary<Instant> purchased = Arbitraries.longs().between(-5 * 86_400L, 60 * 86_400L)
			.map(secondsAgo -> NOW.minusSeconds(secondsAgo));
		Arbitrary<Long> value = Arbitraries.longs().between(0, 100_000);
		Arbitrary<String> sku = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8);
		return Combinators.combine(sku, category, purchased, value).as(EligibilityPropertyTests::item);
	}

	private static ReturnItem item(String sku, String category, Instant purchasedAt, long valueCents) {
		return new ReturnItem(sku, "An item", category, purchasedAt, valueCents, null, true);
	}

	private static Eligibility evaluate(List<ReturnItem> items, boolean covered) {
		return EligibilityRules.evaluate(1, POLICY, PICKUP, items, covered, NO_CUSTOM_RULES, NOW);
	}

	private static Set<String> expectedCodes(ReturnItem item) {
		Set<String> codes = new HashSet<>();
		if (item.purchasedAt().isAfter(NOW)) {
			codes.add("purchase_date");
		}
		if (item.purchasedAt().plus(Duration.ofDays(POLICY.windowDays())).isBefore(NOW)) {
			codes.add("return_window");
		}
		if (POLICY.excludedCategories().contains(item.category().toLowerCase(java.util.Locale.ROOT))) {
			codes.add("excluded_category");
		}
		if (item.valueCents() > POLICY.maxItemValueCents()) {
			codes.add("max_item_value");
		}
		return codes;
	}

	private static Set<String> codes(List<Reason> reasons) {
		Set<String> codes = new HashSet<>();
		reasons.forEach(reason -> codes.add(reason.rule()));
		return codes;
	}
}
