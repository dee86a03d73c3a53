package com.returnit.merchants.internal;

import com.returnit.identity.ApiKeys;
import com.returnit.identity.Caller;
import com.returnit.merchants.Hub;
import com.returnit.merchants.Merchant;
import com.returnit.merchants.Merchants;
import com.returnit.platform.AuditLog;
import com.returnit.platform.Ids;
import com.returnit.platform.NotFound;
import com.returnit.platform.SharedCache;
import com.returnit.platform.SharedCaches;
import com.returnit.policy.Policies;
import com.returnit.policy.PolicyVersion;
import com.returnit.policy.ReturnPolicy;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class MerchantService implements Merchants {

	private final MerchantRepository merchants;
	private final Policies policies;
	private final ApiKeys apiKeys;
	private final Clock clock;
	private final AuditLog audit;
	/** Merchants and their hubs, read on every quote and booking; only their branding changes once connected. */
	private final SharedCache<Merchant> cached;

	MerchantService(MerchantRepository merchants, Policies policies, ApiKeys apiKeys, Clock clock, AuditLog audit,
			SharedCaches caches) {
		this.merchants = merchants;
		this.policies = policies;
		this.apiKeys = apiKeys;
		this.clock = clock;
		this.audit = audit;
		this.cached = caches.cache("merchants", Merchant.class);
	}

	@Override
	@Transactional
	public Connected connect(NewMerchant body) {
		UUID id = Ids.newId(clock);
		var hubs = body.hubs().stream()
			.map(h -> new Hub(Ids.newId(clock), h.name().trim(), h.address().trim(), h.lat(), h.lng(),
					HubCity.of(h.city(), h.address().trim())))
			.toList();
		Merchant merchant = new Merchant(id, body.name().trim(), hubs, clock.instant(), body.billing(),
				body.logoUrl());
		merchants.insert(merchant);
		PolicyVersion policy = policies.define(id, body.returnPolicy(), "returnPolicy.");
		return new Connected(merchant, policy, apiKeys.issue(id));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Merchant> findByName(String name) {
		return merchants.findIdByName(name).flatMap(merchants::find);
	}

	@Transactional(readOnly = true)
	MerchantBodies.MerchantView view(Caller caller, UUID id) {
		Merchant merchant = visible(caller, id);
		return MerchantBodies.MerchantView.of(merchant, policies.current(id), null);
	}

	@Transactional
	MerchantBodies.PolicyView changePolicy(Caller caller, UUID id, ReturnPolicy policy) {
		visible(caller, id);
		PolicyVersion version = policies.define(id, policy, "");
		audit.record("policy.changed", "merchant", id, java.util.Map.of("version", version.version()));
		return MerchantBodies.PolicyView.of(version);
	}

	@Transactional(readOnly = true)
	MerchantBodies.PolicyVersionsView policyVersions(Caller caller, UUID id) {
		visible(caller, id);
		return new MerchantBodies.PolicyVersionsView(
				policies.versions(id).stream().map(MerchantBodies.PolicyView::of).toList());
	}

	/** The merchant, if this caller may see it: operators and the merchant itself; anyone else gets a 404. */
	Merchant visible(Caller caller, UUID id) {
		if (!caller.canManageMerchant(id)) {
			throw new NotFound("Merchant");
		}
		return merchants.find(id).orElseThrow(() -> new NotFound("Merchant"));
	}

	/** Forgets the cached merchant once the caller's transaction, which changed it, commits. */
	void changed(UUID id) {
		cached.invalidate(id.toString());
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Merchant> find(UUID merchantId) {
		return Optional.ofNullable(cached.get(merchantId.toString(), key -> merchants.find(merchantId).orElse(null)));
	}
}
