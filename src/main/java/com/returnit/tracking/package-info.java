/**
 * Where drivers are: shifts, location pings (batched, durable before acknowledged), the latest position of each
 * driver, a spatial index of the drivers on shift, and the live stream of order status and positions.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "platform", "identity", "orders", "merchants" })
package com.returnit.tracking;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
