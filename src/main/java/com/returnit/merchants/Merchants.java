package com.returnit.merchants;

import com.returnit.identity.ApiKeys;
import com.returnit.policy.PolicyVersion;
import com.returnit.policy.ReturnPolicy;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The merchants module's API. */
public interface Merchants {

	/** A hub to create with a merchant; without a city, the city is taken from the address. */
	record NewHub(String name, String address, double lat, double lng, @Nullable String city) {

		public NewHub(String name, String address, double lat, double lng) {
			this(name, address, lat, lng, null);
		}
	}

	/** What a merchant is connected with; billing defaults to {@code merchant_pays}, logoUrl to none. */
	record NewMerchant(String name, ReturnPolicy returnPolicy, List<NewHub> hubs, Billing billing,
			@Nullable String logoUrl) {

		public NewMerchant(String name, ReturnPolicy returnPolicy, List<NewHub> hubs, Billing billing) {
			this(name, returnPolicy, hubs, billing, null);
		}

		public NewMerchant(String name, ReturnPolicy returnPolicy, List<NewHub> hubs) {
			this(name, returnPolicy, hubs, Billing.MERCHANT_PAYS, null);
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
