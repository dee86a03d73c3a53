package com.returnit.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.policy.PickupRequest;
import com.returnit.policy.ReturnItem;
import com.returnit.policy.ReturnPolicy.CustomRule;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CelRuleEngineTests {

	private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
	private static final String SWIMWEAR_NEEDS_TAGS = "item.category != \"swimwear\" || item.tagsAttached";

	private CelRuleEngine engine;

	@BeforeEach
	void compiler() throws Exception {
		engine = new CelRuleEngine();
	}

	@Test
	void aRuleOverAFieldItemsDoNotHaveDoesNotCompile() {
		assertThat(engine.compileError("item.colour == \"x\"")).hasValueSatisfying(
				message -> assertThat(message).contains("undefined field 'colour'"));
	}

	@Test
	void aRuleThatDoesNotParseDoesNotCompile() {
		assertThat(engine.compileError("item.sku ==")).hasValueSatisfying(
				message -> assertThat(message).contains("mismatched input"));
	}

	@Test
	void aRuleThatIsNotTrueOrFalseDoesNotCompile() {
		assertThat(engine.compileError("item.valueCents + 1")).hasValueSatisfying(
				message -> assertThat(message).contains("expected type 'bool' but found 'int'"));
	}

	@Test
	void eachCompileErrorIsPlacedAtItsLineAndColumnCountedFromOne() {
		assertThat(engine.compileIssues("itm.sku != \"\"")).singleElement().satisfies(issue -> {
			assertThat(issue.message()).contains("undeclared reference to 'itm'");
			assertThat(issue.line()).isEqualTo(1);
			assertThat(issue.column()).isEqualTo(1);
		});
		assertThat(engine.compileIssues("item.valueCents > 0 &&\n  item.colour == \"red\"")).singleElement()
			.satisfies(issue -> {
				assertThat(issue.message()).contains("undefined field 'colour'");
				assertThat(issue.line()).isEqualTo(2);
				assertThat(issue.column()).isEqualTo(7);
			});
		assertThat(engine.compileIssues("itm.a && pickp.b")).extracting(issue -> issue.column()).containsExactly(1, 10);
		assertThat(engine.compileIssues("item.category != \"final_sale\"")).isEmpty();
	}

	@Test
	void aRuleThatIsNotTrueOrFalseIsOneIssueEvenWhereTheCompilerNamesNoPlace() {
		assertThat(engine.compileIssues("item.valueCents + 1")).singleElement()
			.satisfies(issue -> assertThat(issue.message()).contains("expected type 'bool' but found 'int'"));
	}

	@Test
	void aRuleOverTheItemAndThePickupCompiles() {
		assertThat(engine.compileError(SWIMWEAR_NEEDS_TAGS)).isEmpty();
		assertThat(engine.compileError("pickup.leadHours >= 24 && item.purchasedDaysAgo <= 14")).isEmpty();
	}

	@Test
	void swimwearPassesOnlyWithItsTagsAttachedWhileOtherItemsPassWithout() {
		CustomRule rule = rule(SWIMWEAR_NEEDS_TAGS);

		assertThat(engine.passes(rule, item("swimwear", true, 3), pickupIn(48), 1, NOW)).isTrue();
		assertThat(engine.passes(rule, item("swimwear", false, 3), pickupIn(48), 1, NOW)).isFalse();
		assertThat(engine.passes(rule, item("tops", false, 3), pickupIn(48), 1, NOW)).isTrue();
	}

	@Test
	void aRuleSeesHowFarAheadThePickupIsAndHowLongAgoTheItemWasBought() {
		CustomRule rule = rule("pickup.leadHours >= 24 && item.purchasedDaysAgo <= 14");

		assertThat(engine.passes(rule, item("tops", true, 14), pickupIn(24), 1, NOW)).isTrue();
		assertThat(engine.passes(rule, item("tops", true, 15), pickupIn(24), 1, NOW)).isFalse();
		assertThat(engine.passes(rule, item("tops", true, 3), pickupIn(23), 1, NOW)).isFalse();
	}

	@Test
	void aRuleSeesTheWindowLengthAndTheNumberOfItems() {
		CustomRule rule = rule("pickup.windowHours == 2 && pickup.itemCount <= 3");

		assertThat(engine.passes(rule, item("tops", true, 3), pickupIn(48), 3, NOW)).isTrue();
		assertThat(engine.passes(rule, item("tops", true, 3), pickupIn(48), 4, NOW)).isFalse();
	}

	@Test
	void aComprehensionOverTheIterationBudgetFailsTheItemInsteadOfThrowing() {
		String thirty = list(30);
		String forty = list(40);
		// 30 + 30 x 30 iterations stay within the budget of 1000; 40 + 40 x 40 do not.
		CustomRule within = rule(thirty + ".all(x, " + thirty + ".all(y, y == 0))");
		CustomRule beyond = rule(forty + ".all(x, " + forty + ".all(y, y == 0))");

		assertThat(engine.passes(within, item("tops", true, 3), pickupIn(48), 1, NOW)).isTrue();
		assertThat(engine.passes(beyond, item("tops", true, 3), pickupIn(48), 1, NOW)).isFalse();
	}

	@Test
	void aRuleThatDividesByZeroFailsTheItemInsteadOfThrowing() {
		CustomRule rule = rule("item.valueCents / (item.purchasedDaysAgo - 3) >= 0");

		assertThat(engine.passes(rule, item("tops", true, 4), pickupIn(48), 1, NOW)).isTrue();
		assertThat(engine.passes(rule, item("tops", true, 3), pickupIn(48), 1, NOW)).isFalse();
	}

	private static CustomRule rule(String expression) {
		return new CustomRule("rule_under_test", expression, "Refused by the rule under test.");
	}

	private static ReturnItem item(String category, boolean tagsAttached, int boughtDaysAgo) {
		return new ReturnItem("SKU-1", "A " + category + " item", category, NOW.minus(Duration.ofDays(boughtDaysAgo)),
				4_900, null, tagsAttached);
	}

	private static PickupRequest pickupIn(int hours) {
		Instant start = NOW.plus(Duration.ofHours(hours));
		return new PickupRequest("Torstrasse 1, 10119 Berlin", 52.529, 13.401, start, start.plus(Duration.ofHours(2)));
	}

	private static String list(int size) {
		return "[" + String.join(", ", Collections.nCopies(size, "0")) + "]";
	}
}
