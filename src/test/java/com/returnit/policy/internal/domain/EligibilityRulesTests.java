package com.returnit.policy.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.policy.Eligibility;
import com.returnit.policy.PickupRequest;
import com.returnit.policy.Reason;
import com.returnit.policy.ReturnItem;
import com.returnit.policy.ReturnPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EligibilityRulesTests {

	private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
	private static final ReturnPolicy.CustomRule SWIMWEAR = new ReturnPolicy.CustomRule("swimwear_tags",
			"item.category != \"swimwear\" || item.tagsAttached", "Swimwear needs its hygiene tags attached.");
	private static final ReturnPolicy POLICY = new ReturnPolicy(30, List.of("Underwear"), 3, 100_000,
			List.of(SWIMWEAR));
	private static final PickupRequest PICKUP = new PickupRequest("Torstrasse 1, 10119 Berlin", 52.529, 13.401,
			NOW.plus(Duration.ofDays(2)), NOW.plus(Duration.ofDays(2)).plus(Duration.ofHours(2)));

	/** Fails the items whose SKU it is told to, without any CEL. */
	private record FailingSkus(Set<String> skus) implements CustomRuleEngine {

		@Override
		public Optional<String> compileError(String expression) {
			return Optional.empty();
		}

		@Override
		public boolean passes(ReturnPolicy.CustomRule rule, ReturnItem item, PickupRequest pickup, int itemCount,
				Instant now) {
			return !skus.contains(item.sku());
		}
	}

	@Test
	void anItemBoughtWithinTheWindowMayBeReturnedUpToItsLastDay() {
		assertThat(EligibilityRules.withinReturnWindow(POLICY, bought(Duration.ofDays(30)), NOW)).isEmpty();
		assertThat(EligibilityRules.withinReturnWindow(POLICY, bought(Duration.ofDays(30).plusSeconds(1)), NOW))
			.contains(new Reason("return_window", "Purchased more than 30 days ago; the return window has closed."));
	}

	@Test
	void anExcludedCategoryIsRefusedWhateverItsCase() {
		assertThat(EligibilityRules.categoryAllowed(POLICY, item("SKU-1", "UNDERWEAR", 1_000)))
			.contains(new Reason("excluded_category", "Items in category 'underwear' cannot be returned."));
		assertThat(EligibilityRules.categoryAllowed(POLICY, item("SKU-1", "tops", 1_000))).isEmpty();
	}

	@Test
	void anItemWorthMoreThanTheLimitIsRefusedAndOneAtTheLimitIsNot() {
		assertThat(EligibilityRules.valueWithinLimit(POLICY, item("SKU-1", "tops", 100_000))).isEmpty();
		assertThat(EligibilityRules.valueWithinLimit(POLICY, item("SKU-1", "tops", 100_001)))
			.contains(new Reason("max_item_value", "Item value 100001 exceeds the limit of 100000."));
	}

	@Test
	void anItemBoughtInTheFutureIsRefused() {
		assertThat(EligibilityRules.notPurchasedInFuture(bought(Duration.ofMinutes(-1)), NOW))
			.contains(new Reason("purchase_date", "The purchase date lies in the future."));
		assertThat(EligibilityRules.notPurchasedInFuture(bought(Duration.ZERO), NOW)).isEmpty();
	}

	@Test
	void aPickupOfMoreItemsThanThePolicyAllowsIsRefused() {
		assertThat(EligibilityRules.withinItemLimit(POLICY, 3)).isEmpty();
		assertThat(EligibilityRules.withinItemLimit(POLICY, 4))
			.contains(new Reason("max_items", "At most 3 items per pickup; this request has 4."));
	}

	@Test
	void aPickupOutsideEveryServiceAreaIsRefused() {
		assertThat(EligibilityRules.insideServiceArea(true)).isEmpty();
		assertThat(EligibilityRules.insideServiceArea(false))
			.contains(new Reason("service_area", "The pickup address is outside every service area."));
	}

	@Test
	void anItemThatBreaksACustomRuleGetsThatRulesNameAndMessage() {
		Eligibility eligibility = evaluate(List.of(item("SKU-SWIM", "swimwear", 3_000), item("SKU-TOP", "tops", 900)),
				true, Set.of("SKU-SWIM"));

		assertThat(eligibility.items()).containsExactly(
				new Eligibility.ItemVerdict("SKU-SWIM",
						List.of(new Reason("swimwear_tags", "Swimwear needs its hygiene tags attached."))),
				new Eligibility.ItemVerdict("SKU-TOP", List.of()));
		assertThat(eligibility.eligible()).isFalse();
	}

	@Test
	void anItemBreakingThreeRulesHearsAllThree() {
		ReturnItem everythingWrong = new ReturnItem("SKU-BAD", "Old, pricey underwear", "underwear",
				NOW.minus(Duration.ofDays(90)), 250_000, null, false);

		Eligibility eligibility = evaluate(List.of(everythingWrong), true, Set.of());

		assertThat(eligibility.items().getFirst().reasons()).extracting(Reason::rule)
			.containsExactly("return_window", "excluded_category", "max_item_value");
	}

	@Test
	void aRequestBreakingRulesOnThePickupAndOnAnItemHearsEveryOne() {
		List<ReturnItem> four = List.of(item("SKU-1", "tops", 1), item("SKU-2", "tops", 1), item("SKU-3", "tops", 1),
				item("SKU-4", "underwear", 1));

		Eligibility eligibility = evaluate(four, false, Set.of());

		assertThat(eligibility.pickupReasons()).extracting(Reason::rule).containsExactly("max_items", "service_area");
		assertThat(eligibility.items()).filteredOn(verdict -> !verdict.eligible())
			.extracting(Eligibility.ItemVerdict::sku).containsExactly("SKU-4");
		assertThat(eligibility.eligible()).isFalse();
	}

	@Test
	void aRequestBreakingNoRuleIsEligibleAndCarriesThePolicyVersion() {
		Eligibility eligibility = evaluate(List.of(item("SKU-1", "tops", 2_900)), true, Set.of());

		assertThat(eligibility.eligible()).isTrue();
		assertThat(eligibility.policyVersion()).isEqualTo(7);
	}

	private static Eligibility evaluate(List<ReturnItem> items, boolean covered, Set<String> failingCustomRule) {
		return EligibilityRules.evaluate(7, POLICY, PICKUP, items, covered, new FailingSkus(failingCustomRule), NOW);
	}

	private static ReturnItem item(String sku, String category, long valueCents) {
		return new ReturnItem(sku, "A " + category + " item", category, NOW.minus(Duration.ofDays(7)), valueCents,
				"MO-1", true);
	}

	private static ReturnItem bought(Duration ago) {
		return new ReturnItem("SKU-1", "A shirt", "tops", NOW.minus(ago), 1_000, null, true);
	}
}
