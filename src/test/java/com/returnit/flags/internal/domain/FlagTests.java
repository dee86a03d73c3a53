package com.returnit.flags.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.flags.FlagTarget;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FlagTests {

	private static final UUID AREA = UUID.fromString("0190a0a0-0000-7000-8000-000000000001");
	private static final UUID MERCHANT = UUID.fromString("0190a0a0-0000-7000-8000-000000000002");

	@Test
	void everyUserInAtOnePercentIsStillInAtFiftyAndEveryoneIsInAtAHundred() {
		List<String> users = IntStream.range(0, 20_000).mapToObj(i -> UUID.randomUUID().toString()).toList();

		Set<String> atOne = in(rollout(100), users);
		Set<String> atFifty = in(rollout(5_000), users);
		Set<String> atHundred = in(rollout(10_000), users);

		assertThat(atOne).hasSizeBetween(140, 260);
		assertThat(atFifty).containsAll(atOne).hasSizeBetween(9_600, 10_400);
		assertThat(atHundred).containsAll(atFifty).hasSize(users.size());
	}

	@Test
	void aUserKeepsTheirSideOnEveryEvaluationAndEachFlagDrawsItsOwnUsers() {
		List<String> users = IntStream.range(0, 2_000).mapToObj(i -> "customer-" + i).toList();

		assertThat(in(rollout(3_000), users)).isEqualTo(in(rollout(3_000), users));
		Flag other = new Flag("other.flag", "", true, 3_000, Set.of(), Set.of(), Set.of(), false, 1, Instant.EPOCH);
		assertThat(in(other, users)).isNotEqualTo(in(rollout(3_000), users));
	}

	@Test
	void theKillSwitchTurnsTheFlagOffForEveryoneEvenTheTargeted() {
		Flag killed = new Flag("f", "", false, 10_000, Set.of("driver"), Set.of(MERCHANT), Set.of(AREA), true, 1,
				Instant.EPOCH);

		Resolution resolution = killed.evaluate(new FlagTarget("u1", "driver", MERCHANT, AREA));

		assertThat(resolution).isEqualTo(new Resolution(false, "off", Resolution.Reason.DISABLED));
	}

	@Test
	void aListedRoleMerchantOrAreaGetsTheFlagWhateverTheRollout() {
		Flag targeted = new Flag("f", "", true, 0, Set.of("driver"), Set.of(MERCHANT), Set.of(AREA), false, 1,
				Instant.EPOCH);

		assertThat(targeted.evaluate(new FlagTarget("u1", "driver", null, null)).reason())
			.isEqualTo(Resolution.Reason.TARGETING_MATCH);
		assertThat(targeted.evaluate(new FlagTarget("u2", "merchant", MERCHANT, null)).value()).isTrue();
		assertThat(targeted.evaluate(FlagTarget.serviceArea(AREA)).value()).isTrue();
		assertThat(targeted.evaluate(new FlagTarget("u3", "customer", null, null)))
			.isEqualTo(new Resolution(false, "off", Resolution.Reason.DEFAULT));
	}

	@Test
	void withoutATargetingKeyOnlyAHundredPercentOrTheDefaultVariantTurnsItOn() {
		assertThat(rollout(9_999).evaluate(FlagTarget.anonymous()).value()).isFalse();
		assertThat(rollout(10_000).evaluate(FlagTarget.anonymous())).isEqualTo(new Resolution(true, "on",
				Resolution.Reason.SPLIT));
		Flag released = new Flag("f", "", true, 0, Set.of(), Set.of(), Set.of(), true, 1, Instant.EPOCH);
		assertThat(released.evaluate(FlagTarget.anonymous())).isEqualTo(new Resolution(true, "on",
				Resolution.Reason.DEFAULT));
	}

	@Test
	void bucketsSpreadEvenlyOverTheTenThousand() {
		int[] tenths = new int[10];
		for (int i = 0; i < 50_000; i++) {
			tenths[Buckets.of("spread", "key-" + i) / 1_000]++;
		}
		assertThat(java.util.Arrays.stream(tenths).boxed().toList()).allSatisfy(count -> assertThat(count).isBetween(4_600, 5_400));
	}

	private static Flag rollout(int basisPoints) {
		return new Flag("rollout.flag", "", true, basisPoints, Set.of(), Set.of(), Set.of(), false, 1, Instant.EPOCH);
	}

	private static Set<String> in(Flag flag, List<String> users) {
		Set<String> in = new HashSet<>();
		users.stream().filter(user -> flag.evaluate(new FlagTarget(user, "customer", null, null)).value())
			.forEach(in::add);
		return in;
	}
}
