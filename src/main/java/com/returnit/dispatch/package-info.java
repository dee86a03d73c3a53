/**
 * Dispatch: offers each order to the best driver on shift when its pickup window approaches, one at a time, with
 * expiry, declines and a complete audit trail of offers; or, in the service areas the flag dispatch.batched selects,
 * pairs the waiting orders with drivers in batches.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "platform", "identity", "orders", "tracking", "policy", "flags", "payments" })
package com.returnit.dispatch;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
