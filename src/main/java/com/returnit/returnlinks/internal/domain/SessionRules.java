package com.returnit.returnlinks.internal.domain;

import com.returnit.platform.FieldError;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What a new return session must satisfy beyond its fields' own constraints: every problem, not the first. */
public final class SessionRules {

	/** How long a link lasts when the merchant does not say. */
	public static final Duration DEFAULT_LIFETIME = Duration.ofDays(14);
	/** The longest a link may last. */
	public static final Duration MAX_LIFETIME = Duration.ofDays(90);

	private SessionRules() {
	}

	public static List<FieldError> problems(Instant expiresAt, List<String> skus, Instant now) {
		List<FieldError> problems = new ArrayList<>();
		if (!expiresAt.isAfter(now)) {
			problems.add(new FieldError("expiresAt", "must be in the future"));
		}
		else if (expiresAt.isAfter(now.plus(MAX_LIFETIME))) {
			problems.add(new FieldError("expiresAt", "must be at most 90 days ahead"));
		}
		Map<String, Integer> first = new HashMap<>();
		for (int i = 0; i < skus.size(); i++) {
			Integer earlier = first.putIfAbsent(skus.get(i), i);
			if (earlier != null) {
				problems.add(new FieldError("items[" + i + "].sku", "is already the sku of items[" + earlier + "]"));
			}
		}
		return problems;
	}
}
