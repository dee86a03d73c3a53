package com.returnit.platform.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One plain connection to the pool's database, outside the pool and with short timeouts, to find out whether the
 * database can be reached at all: the {@link DatabaseCircuit} asks it before it opens on suspicion, and while it is
 * open, until the database answers again.
 */
final class DatabaseProbe {

	private static final Logger log = LoggerFactory.getLogger(DatabaseProbe.class);

	private final HikariDataSource pool;

	DatabaseProbe(HikariDataSource pool) {
		this.pool = pool;
	}

	/**
	 * True when a connection could not be opened because the database is not there (refused, timed out, shutting
	 * down, starting up) or did not answer a validation. A database that answers with another error (too many
	 * connections, a wrong password) is there: the pool's own timeout and errors cover those.
	 */
	boolean unreachable() {
		Properties properties = new Properties();
		properties.setProperty("user", pool.getUsername());
		properties.setProperty("password", pool.getPassword() == null ? "" : pool.getPassword());
		properties.setProperty("connectTimeout", "1");
		properties.setProperty("loginTimeout", "2");
		properties.setProperty("socketTimeout", "2");
		try (Connection probe = DriverManager.getConnection(pool.getJdbcUrl(), properties)) {
			return !probe.isValid(1);
		}
		catch (SQLException e) {
			log.debug("Database probe failed: {}", e.getMessage());
			return DatabaseCircuit.unreachable(e);
		}
	}
}
