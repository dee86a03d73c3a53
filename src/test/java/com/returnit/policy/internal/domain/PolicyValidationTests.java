package com.returnit.policy.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.platform.FieldError;
import com.returnit.policy.PickupRequest;
import com.returnit.policy.ReturnItem;
import com.returnit.policy.ReturnPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A policy's late-cancellation fee is its own, the platform's (null), or refused with the field named. */
class PolicyValidationTests {

	private static final CustomRuleEngine COMPILES_ALL = new CustomRuleEngine() {
		@Override
		public Optional<String> compileError(String expression) {
			return Optional.empty();
		}

		@Override
		public boolean passes(ReturnPolicy.CustomRule rule, ReturnItem item, PickupRequest pickup, int itemCount,
				Instant now) {
			return true;
		}
	};

	@Test
	void aFeeFromZeroToOneThousandOrNoneAtAllIsAccepted() {
		for (Long fee : new Long[] { null, 0L, 500L, 100_000L }) {
			assertThat(PolicyValidation.problems(policyWithFee(fee), COMPILES_ALL, "returnPolicy.")).as("" + fee)
				.isEmpty();
		}
	}

	@Test
	void aNegativeOrExcessiveFeeIsRefusedNamingTheFieldUnderThePrefix() {
		for (long fee : new long[] { -1, 100_001 }) {
			assertThat(PolicyValidation.problems(policyWithFee(fee), COMPILES_ALL, "returnPolicy."))
				.extracting(FieldError::field).containsExactly("returnPolicy.lateCancellationFeeCents");
		}
	}

	private static ReturnPolicy policyWithFee(Long fee) {
		return new ReturnPolicy(30, List.of(), 5, 10_000, List.of(), fee);
	}
}
