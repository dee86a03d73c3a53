/**
 * Backups of the database: pg_dump archives in a directory with hourly, daily and weekly retention, restores that are
 * proven by restoring into a scratch database and comparing row counts, and the {@code backup}/{@code restore}
 * commands of the service.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {})
package com.returnit.backups;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
