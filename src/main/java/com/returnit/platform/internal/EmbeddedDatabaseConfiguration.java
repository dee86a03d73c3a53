package com.returnit.platform.internal;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code spring.datasource.url}, runs PostgreSQL in-process with its data on disk
 * ({@code returnit.data-dir}, default {@code ./data}), so a restart keeps everything.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrlCondition.class)
class EmbeddedDatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(@Value("${returnit.data-dir:./data}") String dataDir) throws IOException {
		Path pgData = Path.of(dataDir).toAbsolutePath().normalize().resolve("postgres");
		Files.createDirectories(pgData);
		StalePostmaster.stopIfRunning(pgData);
		long started = System.nanoTime();
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(pgData)
			.setCleanDataDirectory(false)
			// Spring stops it, after the web server has drained and every bean using the database has closed;
			// zonky's own JVM hook would stop it in parallel with the graceful shutdown, under in-flight requests
			.setRegisterShutdownHook(false)
			.setServerConfig("max_connections", "200")
			.setServerConfig("fsync", "on")
			// zonky defaults to synchronous_commit=off; a commit must be on disk before we say so (ADR 0007)
			.setServerConfig("synchronous_commit", "on")
			.start();
		log.info("Embedded PostgreSQL started in {} ms on port {} with data in {}",
				(System.nanoTime() - started) / 1_000_000, postgres.getPort(), pgData);
		return postgres;
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedPostgres postgres) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		dataSource.setUsername("postgres");
		dataSource.setPassword("postgres");
		return dataSource;
	}

}
