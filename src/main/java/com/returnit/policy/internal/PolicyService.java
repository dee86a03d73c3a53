package com.returnit.policy.internal;

import com.returnit.platform.FieldError;
import com.returnit.platform.InvalidInput;
import com.returnit.platform.NotFound;
import com.returnit.platform.SharedCache;
import com.returnit.platform.SharedCaches;
import com.returnit.policy.Eligibility;
import com.returnit.policy.LateCancellationTerms;
import com.returnit.policy.PickupRequest;
import com.returnit.policy.Policies;
import com.returnit.policy.PolicyProblem;
import com.returnit.policy.PolicyVersion;
import com.returnit.policy.ReturnItem;
import com.returnit.policy.ReturnPolicy;
import com.returnit.policy.internal.domain.CustomRuleEngine;
import com.returnit.policy.internal.domain.EligibilityRules;
import com.returnit.policy.internal.domain.PolicyValidation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class PolicyService implements Policies {

	private final PolicyRepository policies;
	private final ServiceAreaIndex areas;
	private final CustomRuleEngine engine;
	private final PolicyProperties properties;
	private final Clock clock;
	private final SharedCache<PolicyVersion> currentVersions;

	PolicyService(PolicyRepository policies, ServiceAreaIndex areas, CustomRuleEngine engine,
			PolicyProperties properties, Clock clock, SharedCaches caches) {
		this.policies = policies;
		this.areas = areas;
		this.engine = engine;
		this.properties = properties;
		this.clock = clock;
		this.currentVersions = caches.cache("policies", PolicyVersion.class);
	}

	@Override
	@Transactional
	public PolicyVersion define(UUID merchantId, ReturnPolicy policy, String fieldPrefix) {
		List<FieldError> problems = PolicyValidation.problems(policy, engine, fieldPrefix);
		if (!problems.isEmpty()) {
			throw new InvalidInput(400, problems);
		}
		PolicyVersion saved = policies.append(merchantId, policy, clock.instant());
		currentVersions.invalidate(merchantId.toString());
		return saved;
	}

	@Override
	@Transactional(readOnly = true)
	public PolicyVersion current(UUID merchantId) {
		PolicyVersion current = currentVersions.get(merchantId.toString(), key -> policies.current(merchantId).orElse(null));
		if (current == null) {
			throw new NotFound("Return policy");
		}
		return current;
	}

	@Override
	@Transactional(readOnly = true)
	public List<PolicyVersion> versions(UUID merchantId) {
		return policies.versions(merchantId);
	}

	@Override
	public List<PolicyProblem> review(ReturnPolicy draft) {
		return PolicyValidation.issues(draft, engine, "");
	}

	@Override
	public Eligibility evaluate(ReturnPolicy policy, int version, PickupRequest pickup, List<ReturnItem> items,
			Instant at) {
		return EligibilityRules.evaluate(version, policy, pickup, items, true, engine, at);
	}

	@Override
	@Transactional(readOnly = true)
	public LateCancellationTerms lateCancellation(UUID merchantId) {
		PolicyVersion current = current(merchantId);
		Long own = current.policy().lateCancellationFeeCents();
		PolicyProperties.LateCancellation platform = properties.lateCancellation();
		return new LateCancellationTerms(current.version(), own == null ? platform.feeCents() : own,
				platform.within());
	}

	@Override
	@Transactional(readOnly = true)
	public Eligibility check(UUID merchantId, PickupRequest pickup, List<ReturnItem> items) {
		PolicyVersion current = current(merchantId);
		boolean covered = areas.covers(pickup.lat(), pickup.lng());
		return EligibilityRules.evaluate(current.version(), current.policy(), pickup, items, covered, engine,
				clock.instant());
	}
}
