package com.returnit.policy;

import java.time.Instant;
import java.util.UUID;

/** One saved version of a merchant's policy; versions are never changed, a change makes the next version. */
public record PolicyVersion(UUID merchantId, int version, ReturnPolicy policy, Instant createdAt) {
}
