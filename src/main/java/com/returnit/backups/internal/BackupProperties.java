package com.returnit.backups.internal;

import com.returnit.backups.internal.domain.Retention;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where backups go and how many are kept. {@code schedule} is a Spring cron expression, {@code -} (the default) for
 * none; {@code pgBin} the directory of pg_dump and pg_restore (default: found by {@link PgTools}).
 */
@ConfigurationProperties("returnit.backup")
record BackupProperties(@DefaultValue("./backups") Path dir, @DefaultValue("-") String schedule,
		@DefaultValue("24") int keepHourly, @DefaultValue("30") int keepDaily, @DefaultValue("52") int keepWeekly,
		@Nullable Path pgBin) {

	Retention retention() {
		return new Retention(keepHourly, keepDaily, keepWeekly);
	}
}
