/**
 * Payments, pricing for drivers and the ledger: customer charges through a provider, merchant statements, driver
 * earnings and payouts, every cent in a balanced double-entry journal.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "platform", "identity", "merchants", "orders", "inputs" })
package com.returnit.payments;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
