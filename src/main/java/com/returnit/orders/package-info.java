/**
 * Quotes and return-pickup orders: eligibility and price, booking, the order's life from scheduled to delivered.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "platform", "identity", "merchants", "policy", "slots", "inputs" })
package com.returnit.orders;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
