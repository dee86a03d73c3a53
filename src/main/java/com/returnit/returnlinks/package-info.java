/**
 * Return links: a merchant prefills a return (its customer, order reference and items) and sends the customer a
 * link; the customer opens it without an account, as a guest limited to that return, and books its pickup.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "platform", "identity", "merchants", "orders" })
package com.returnit.returnlinks;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
