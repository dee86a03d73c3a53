package com.returnit.policy.internal.domain;

import com.returnit.platform.FieldError;
import com.returnit.policy.ReturnPolicy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Everything wrong with a policy before it is saved, fields named under the caller's prefix. */
public final class PolicyValidation {

	public static final int MAX_RULES = 50;
	public static final int MAX_EXPRESSION_LENGTH = 2000;
	/** 1,000.00 in minor units: a fee, not a price. */
	public static final long MAX_LATE_CANCELLATION_FEE_CENTS = 100_000;

	private PolicyValidation() {
	}

	public static List<FieldError> problems(ReturnPolicy policy, CustomRuleEngine engine, String prefix) {
		List<FieldError> errors = new ArrayList<>();
		Long fee = policy.lateCancellationFeeCents();
		if (fee != null && (fee < 0 || fee > MAX_LATE_CANCELLATION_FEE_CENTS)) {
			errors.add(new FieldError(prefix + "lateCancellationFeeCents",
					"must be between 0 and " + MAX_LATE_CANCELLATION_FEE_CENTS + " (minor units), or absent for the default"));
		}
		if (policy.rules().size() > MAX_RULES) {
			errors.add(new FieldError(prefix + "rules", "may hold at most " + MAX_RULES + " rules"));
			return errors;
		}
		Set<String> names = new HashSet<>();
		for (int i = 0; i < policy.rules().size(); i++) {
			ReturnPolicy.CustomRule rule = policy.rules().get(i);
			String path = prefix + "rules[" + i + "]";
			if (!names.add(rule.name())) {
				errors.add(new FieldError(path + ".name", "repeats the name of an earlier rule"));
			}
			if (rule.expression().length() > MAX_EXPRESSION_LENGTH) {
				errors.add(new FieldError(path + ".expression",
						"is longer than " + MAX_EXPRESSION_LENGTH + " characters"));
				continue;
			}
			engine.compileError(rule.expression())
				.ifPresent(message -> errors.add(new FieldError(path + ".expression", "does not compile: " + message)));
		}
		return errors;
	}
}
