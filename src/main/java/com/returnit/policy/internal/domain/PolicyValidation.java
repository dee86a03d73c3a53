package com.returnit.policy.internal.domain;

import com.returnit.platform.FieldError;
import com.returnit.policy.PolicyProblem;
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

	/** As {@link #issues}, as the field errors of a 400 (a compile error's place is told in its message). */
	public static List<FieldError> problems(ReturnPolicy policy, CustomRuleEngine engine, String prefix) {
		return issues(policy, engine, prefix).stream()
			.map(p -> new FieldError(p.field(), p.line() == null ? p.message()
					: p.message() + " (line " + p.line() + ", column " + p.column() + ")"))
			.toList();
	}

	/** Every fault of the policy; each compile error of a rule on its own, with its place in the expression. */
	public static List<PolicyProblem> issues(ReturnPolicy policy, CustomRuleEngine engine, String prefix) {
		List<PolicyProblem> errors = new ArrayList<>();
		Long fee = policy.lateCancellationFeeCents();
		if (fee != null && (fee < 0 || fee > MAX_LATE_CANCELLATION_FEE_CENTS)) {
			errors.add(problem(prefix + "lateCancellationFeeCents",
					"must be between 0 and " + MAX_LATE_CANCELLATION_FEE_CENTS + " (minor units), or absent for the default"));
		}
		if (policy.rules().size() > MAX_RULES) {
			errors.add(problem(prefix + "rules", "may hold at most " + MAX_RULES + " rules"));
			return errors;
		}
		Set<String> names = new HashSet<>();
		for (int i = 0; i < policy.rules().size(); i++) {
			ReturnPolicy.CustomRule rule = policy.rules().get(i);
			String path = prefix + "rules[" + i + "]";
			if (!names.add(rule.name())) {
				errors.add(problem(path + ".name", "repeats the name of an earlier rule"));
			}
			if (rule.expression().length() > MAX_EXPRESSION_LENGTH) {
				errors.add(problem(path + ".expression", "is longer than " + MAX_EXPRESSION_LENGTH + " characters"));
				continue;
			}
			engine.compileIssues(rule.expression()).forEach(issue -> errors.add(new PolicyProblem(path + ".expression",
					"does not compile: " + issue.message(), issue.line(), issue.column())));
		}
		return errors;
	}

	private static PolicyProblem problem(String field, String message) {
		return new PolicyProblem(field, message, null, null);
	}
}
