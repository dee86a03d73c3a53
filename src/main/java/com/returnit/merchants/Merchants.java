package com.returnit.merchants;

import com.returnit.identity.ApiKeys;
import com.returnit.policy.PolicyVersion;
import com.returnit.policy.ReturnPolicy;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The merchants module's API. */
public interface Merchants {

	/** A hub to create with a merchant. */
	record NewHub(String name, String address, double lat, double lng) {
	}

	/** What a merchant is connected with; billing defaults to {@code merchant_pays}. */
	record NewMerchant(String name, ReturnPolicy returnPolicy, List<NewHub> hubs, Billing billing) {

		public NewMerchant(String name, ReturnPolicy returnPolicy, List<NewHub> hubs) {
			this(name, returnPolicy, hubs, Billing.MERCHANT_PAYS);
		}
	}

	/** A connected merchant with its first policy version and its first API key (shown only now). */
	record Connected(Merchant merchant, PolicyVersion policy, ApiKeys.IssuedKey apiKey) {
	}

	/** Creates the merchant, its hubs, its first policy and first API key, all or nothing. */
	Connected connect(NewMerchant merchant);

	Optional<Merchant> find(UUID merchantId);

	Optional<Merchant> findByName(String name);
}
