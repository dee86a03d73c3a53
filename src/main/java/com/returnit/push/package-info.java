/**
 * Web Push to drivers: the browsers' push subscriptions per driver, and every offer dispatch makes (and every job
 * an operator gives by hand) sent to the driver's subscribed browsers, encrypted (RFC 8291) and signed with the service's VAPID key (RFC 8292), through an
 * outbox with bounded retries; a subscription the push service calls gone is removed.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "platform", "identity", "dispatch", "orders", "policy", "payments" })
package com.returnit.push;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
