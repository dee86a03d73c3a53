package com.returnit.orders.internal;

import com.returnit.orders.internal.domain.Pricing;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Prices in minor units, and how long a quote holds its price. */
@ConfigurationProperties("returnit.pricing")
record PricingProperties(long baseCents, long perItemCents, long perKmCents, String currency, Duration quoteTtl) {

	PricingProperties {
		currency = currency == null ? "EUR" : currency;
		quoteTtl = quoteTtl == null ? Duration.ofMinutes(15) : quoteTtl;
	}

	Pricing pricing() {
		return new Pricing(baseCents, perItemCents, perKmCents, currency);
	}
}
