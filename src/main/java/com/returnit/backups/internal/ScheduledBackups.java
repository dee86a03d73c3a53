package com.returnit.backups.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Backups on {@code returnit.backup.schedule} (a cron expression; {@code -}, the default, for none) from inside the
 * running service. With several nodes, the one holding a session advisory lock takes the backup; the others skip.
 */
@Component
class ScheduledBackups {

	static final long ADVISORY_LOCK = 0x6261_636b_7570_7321L;
	private static final Logger log = LoggerFactory.getLogger(ScheduledBackups.class);

	private final DataSource dataSource;
	private final BackupProperties properties;
	private final Clock clock;

	ScheduledBackups(DataSource dataSource, BackupProperties properties, Clock clock) {
		this.dataSource = dataSource;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(cron = "${returnit.backup.schedule:-}")
	void backup() {
		try {
			HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
			DatabaseTarget target = DatabaseTarget.fromJdbcUrl(pool.getJdbcUrl(), pool.getUsername(),
					pool.getPassword());
			try (Connection lock = target.connect()) {
				if (!tryLock(lock)) {
					log.info("Scheduled backup skipped: another node is taking it");
					return;
				}
				PgTools tools = PgTools.find(properties.pgBin(), TableCounter.serverMajor(lock));
				var taken = new Backups(properties.dir(), properties.retention(), clock, log::info).take(target, tools);
				log.info("Scheduled backup done: {} ({} rows)", taken.dump(), taken.counts().total());
			}
		}
		catch (Exception e) {
			log.error("Scheduled backup FAILED", e);
		}
	}

	private static boolean tryLock(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT pg_try_advisory_lock(" + ADVISORY_LOCK + ")")) {
			rows.next();
			return rows.getBoolean(1);
		}
	}
}
