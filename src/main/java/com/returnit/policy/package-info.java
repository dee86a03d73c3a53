/**
 * Return policies (versioned, with custom CEL rules), service areas, and the eligibility check of items and pickups.
 */
@NullMarked
@ApplicationModule(allowedDependencies = "platform")
package com.returnit.policy;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
