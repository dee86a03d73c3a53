package com.returnit.payments.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** {@code returnit.ledger.imbalance}: the absolute sum of all journal lines per currency. Alert on anything but 0. */
@Component
class LedgerMetrics {

	LedgerMetrics(Ledger ledger, MeterRegistry meters) {
		Gauge.builder("returnit.ledger.imbalance", ledger, Ledger::imbalance)
			.description("Sum of all journal lines per currency, in absolute minor units; must be 0")
			.baseUnit("cents")
			.register(meters);
	}
}
