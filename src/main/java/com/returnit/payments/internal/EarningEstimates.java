package com.returnit.payments.internal;

import com.returnit.merchants.Hub;
import com.returnit.merchants.Merchants;
import com.returnit.orders.Orders;
import com.returnit.payments.DriverEarnings;
import com.returnit.payments.internal.domain.EarningRates;
import com.returnit.platform.Geo;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The earning an offer shows: the rule the ledger applies on pickup, assuming every item is collected. */
@Service
class EarningEstimates implements DriverEarnings {

	private final Orders orders;
	private final Merchants merchants;
	private final PaymentsProperties properties;

	EarningEstimates(Orders orders, Merchants merchants, PaymentsProperties properties) {
		this.orders = orders;
		this.merchants = merchants;
		this.properties = properties;
	}

	@Override
	public Optional<Estimate> estimate(UUID orderId) {
		return orders.find(orderId).map(order -> {
			EarningRates rates = properties.earningRates();
			return new Estimate(rates.earningFor(order.items().size(), kmToNearestHub(order)), rates.currency());
		});
	}

	/** The distance the ledger pays for: from the pickup to the merchant's nearest hub. */
	double kmToNearestHub(Orders.Summary order) {
		return merchants.find(order.merchantId()).stream().flatMap(m -> m.hubs().stream())
			.mapToDouble((Hub hub) -> Geo.distanceKm(hub.lat(), hub.lng(), order.lat(), order.lng()))
			.min().orElse(0);
	}
}
