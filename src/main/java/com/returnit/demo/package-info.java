/**
 * Demo data for a newcomer's first run: a merchant with a hub and policy, a service area, a customer and an operator.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "identity", "merchants", "policy", "slots" })
package com.returnit.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
