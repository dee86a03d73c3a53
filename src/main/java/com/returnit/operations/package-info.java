/**
 * Operations: what operators need to see and to be told. Metrics for Prometheus, request and slow-query logs,
 * readiness, alert rules evaluated inside the service (state in PostgreSQL, e-mailed to operators) and the /ops page.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "platform", "identity", "orders" })
package com.returnit.operations;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
