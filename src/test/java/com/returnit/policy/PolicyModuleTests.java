package com.returnit.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.returnit.platform.InvalidInput;
import com.returnit.support.TestDirectories;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The policy module alone (with the platform it builds on), against the embedded PostgreSQL. */
@ApplicationModuleTest(extraIncludes = "platform")
class PolicyModuleTests {

	@Autowired
	Policies policies;

	@Autowired
	ServiceAreas areas;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) throws Exception {
		String dir = TestDirectories.create("policy").toString();
		registry.add("returnit.data-dir", () -> dir);
	}

	private static final ReturnPolicy POLICY = new ReturnPolicy(30, List.of("underwear"), 2, 50_000,
			List.of(new ReturnPolicy.CustomRule("swimwear_tags", "item.category != 'swimwear' || item.tagsAttached",
					"Swimwear needs its tags.")));

	@Test
	void aPointBelongsToTheOldestAreaThatContainsIt() {
		UUID older = areas.defineIfAbsent("Overlap older", List.of(new double[] { -10.0, -10.0 },
				new double[] { -10.0, -9.0 }, new double[] { -9.0, -9.0 }, new double[] { -9.0, -10.0 }));
		UUID newer = areas.defineIfAbsent("Overlap newer", List.of(new double[] { -9.5, -9.5 },
				new double[] { -9.5, -8.5 }, new double[] { -8.5, -8.5 }, new double[] { -8.5, -9.5 }));

		assertThat(areas.containing(-9.2, -9.2)).contains(new ServiceAreas.Area(older, "Overlap older"));
		assertThat(areas.containing(-8.7, -8.7)).contains(new ServiceAreas.Area(newer, "Overlap newer"));
		assertThat(areas.containing(-20.0, -20.0)).isEmpty();
		assertThat(areas.find(newer).map(ServiceAreas.Area::name)).contains("Overlap newer");
		assertThat(areas.find(UUID.randomUUID())).isEmpty();
	}

	@Test
	void eachSavedPolicyIsTheNextVersion() {
		UUID merchant = UUID.randomUUID();

		assertThat(policies.define(merchant, POLICY, "").version()).isEqualTo(1);
		assertThat(policies.define(merchant, POLICY, "").version()).isEqualTo(2);
		assertThat(policies.current(merchant).version()).isEqualTo(2);
		assertThat(policies.current(merchant).policy()).isEqualTo(POLICY);
	}

	@Test
	void aRuleThatDoesNotCompileIsRefusedWithItsFieldAndTheCompilersMessage() {
		var broken = new ReturnPolicy(30, List.of(), 5, 1, List.of(
				new ReturnPolicy.CustomRule("ok", "item.valueCents < 100", "too dear"),
				new ReturnPolicy.CustomRule("typo", "item.colour == 'red'", "no red")));

		assertThatThrownBy(() -> policies.define(UUID.randomUUID(), broken, "returnPolicy."))
			.isInstanceOfSatisfying(InvalidInput.class, e -> {
				assertThat(e.errors()).singleElement().satisfies(error -> {
					assertThat(error.field()).isEqualTo("returnPolicy.rules[1].expression");
					assertThat(error.message()).contains("undefined field 'colour'");
				});
			});
	}

	@Test
	void aRequestBreakingThreeRulesHearsAllThreeReasons() {
		UUID merchant = UUID.randomUUID();
		policies.define(merchant, POLICY, "");
		areas.defineIfAbsent("Module test area", List.of(new double[] { 10, 10 }, new double[] { 10, 11 },
				new double[] { 11, 11 }, new double[] { 11, 10 }));
		Instant now = Instant.now();
		var pickup = new PickupRequest("Somewhere", 10.5, 10.5, now.plus(1, ChronoUnit.DAYS),
				now.plus(1, ChronoUnit.DAYS).plus(2, ChronoUnit.HOURS));
		var swimwear = new ReturnItem("SWIM", "Swimsuit", "swimwear", now.minus(40, ChronoUnit.DAYS), 90_000, null,
				false);

		Eligibility verdict = policies.check(merchant, pickup, List.of(swimwear));

		assertThat(verdict.eligible()).isFalse();
		assertThat(verdict.pickupReasons()).isEmpty();
		assertThat(verdict.items().getFirst().reasons()).extracting(Reason::rule)
			.containsExactlyInAnyOrder("return_window", "max_item_value", "swimwear_tags");
	}

	@Test
	void aPickupOutsideEveryAreaIsRefusedAsAWhole() {
		UUID merchant = UUID.randomUUID();
		policies.define(merchant, POLICY, "");
		Instant now = Instant.now();
		var pickup = new PickupRequest("Nowhere", -60, -60, now.plus(1, ChronoUnit.DAYS),
				now.plus(1, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS));
		var item = new ReturnItem("OK", "Shirt", "tops", now.minus(1, ChronoUnit.DAYS), 1_000, null, true);

		Eligibility verdict = policies.check(merchant, pickup, List.of(item, item, item));

		assertThat(verdict.pickupReasons()).extracting(Reason::rule).containsExactlyInAnyOrder("service_area", "max_items");
		assertThat(verdict.items()).allMatch(Eligibility.ItemVerdict::eligible);
	}
}
