package com.returnit.policy.internal.domain;

import com.returnit.policy.PickupRequest;
import com.returnit.policy.ReturnItem;
import com.returnit.policy.ReturnPolicy.CustomRule;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Compiles and evaluates custom rules; implemented with CEL. */
public interface CustomRuleEngine {

	/** The compiler's message when the expression does not compile or type-check to a boolean; empty when it does. */
	Optional<String> compileError(String expression);

	/** Each compile or type error on its own, with its place in the expression when the compiler knows it. */
	default List<CompileIssue> compileIssues(String expression) {
		return compileError(expression).map(message -> List.of(new CompileIssue(message, null, null))).orElse(List.of());
	}

	/** True when the item passes the rule; an expression that errors at run time fails the item, never the request. */
	boolean passes(CustomRule rule, ReturnItem item, PickupRequest pickup, int itemCount, Instant now);
}
