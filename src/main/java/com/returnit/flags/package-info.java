/**
 * Feature flags: boolean flags with a kill switch, a percentage rollout by a stable hash of the caller, and targeting
 * by role, merchant and service area, evaluated through OpenFeature from an in-memory snapshot of PostgreSQL (ADR 0042).
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "platform", "identity" })
package com.returnit.flags;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
