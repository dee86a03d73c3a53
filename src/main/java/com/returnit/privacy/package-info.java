/**
 * Customers' privacy rights: an export of every piece of data kept about them, and the erasure of their account.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "platform", "identity", "orders", "places" })
package com.returnit.privacy;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
