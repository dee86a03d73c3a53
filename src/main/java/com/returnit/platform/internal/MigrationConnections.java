package com.returnit.platform.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The pool's connections carry the API's statement_timeout (spring.datasource.hikari.connection-init-sql), which a
 * long migration must not hit. Flyway gets connections of its own to the same database instead, opened outside the
 * pool, so they carry the server's default (no timeout) and never go back into the pool with a changed setting.
 */
@Configuration(proxyBeanMethods = false)
class MigrationConnections {

	@Bean
	FlywayConfigurationCustomizer migrationsOutsideThePool(DataSource dataSource) {
		return configuration -> {
			HikariDataSource pool = unwrap(dataSource);
			if (pool != null) {
				configuration.dataSource(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
			}
		};
	}

	private static HikariDataSource unwrap(DataSource dataSource) {
		try {
			return dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
		}
		catch (SQLException e) {
			return null;
		}
	}
}
