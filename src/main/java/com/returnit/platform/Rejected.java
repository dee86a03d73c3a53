package com.returnit.platform;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A well-formed request that business rules refuse: 422 with every violation listed. */
public class Rejected extends RuntimeException {

	/** One rule broken, by one item ({@code sku}) or by the request as a whole ({@code sku} null). */
	public record Violation(@Nullable String sku, String rule, String message) {
	}

	private final List<Violation> violations;

	public Rejected(String detail, List<Violation> violations) {
		super(detail);
		this.violations = List.copyOf(violations);
	}

	public List<Violation> violations() {
		return violations;
	}
}
