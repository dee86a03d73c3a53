/**
 * Customer notifications by email and SMS (booking confirmed, driver on the way, picked up, failed pickup), from
 * templates, through an outbox with retries, honouring each customer's opt-outs; operators hear of disabled
 * webhook endpoints.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "platform", "identity", "orders", "tracking", "webhooks", "returnlinks" })
package com.returnit.notifications;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
