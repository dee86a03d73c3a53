/**
 * Where drivers are: shifts, location pings (batched, durable before acknowledged), the latest position of each
 * driver and a spatial index of the drivers on shift.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "platform", "identity" })
package com.returnit.tracking;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
