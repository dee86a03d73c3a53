package com.returnit.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer's account was erased at their request: every module that keeps personal data about this customer
 * removes or anonymises it, keeping what accounting needs without the person.
 */
public record CustomerErased(UUID customerId, Instant erasedAt) {
}
