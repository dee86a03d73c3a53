/**
 * Pickup slots: the pickup windows each service area offers, their opening hours and a capacity per window that
 * bookings hold seats in, so that no window is overbooked.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "platform", "identity", "merchants", "policy", "inputs" })
package com.returnit.slots;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
