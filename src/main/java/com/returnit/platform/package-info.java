/**
 * Cross-cutting HTTP concerns shared by every module: problem details, idempotency, request limits, ids and the database.
 */
@NullMarked
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package com.returnit.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
