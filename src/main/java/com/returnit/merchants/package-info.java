/**
 * Merchants (the retailers whose goods come back): their hubs, their return policy, their API keys.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "platform", "identity", "policy" })
package com.returnit.merchants;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
