/**
 * Merchant webhooks: endpoints, signed at-least-once delivery of order and payment events through an
 * outbox, with retries, per-endpoint limits and a delivery log; {@link com.returnit.webhooks.WebhookVerifier} is
 * the helper merchants use to check our signatures.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "platform", "identity", "orders", "dispatch", "payments" })
package com.returnit.webhooks;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
