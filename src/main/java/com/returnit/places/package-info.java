/**
 * Where pickups happen: address search and customers' saved addresses.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "platform", "identity" })
package com.returnit.places;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
