package com.returnit.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every replica runs the migrations when it starts (ADR 0041). Six replicas starting at the same moment on an empty
 * database: Flyway's PostgreSQL advisory lock lets one migrate while the others wait, then they find the schema up to
 * date. Each migration is applied once and every replica starts.
 */
class MigrationsWithManyReplicasTests {

	static final int REPLICAS = 6;

	@Test
	void sixReplicasMigratingAnEmptyDatabaseAtOnceApplyEachMigrationOnceAndAllStart() throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
				var replicas = Executors.newFixedThreadPool(REPLICAS)) {
			String url = postgres.getJdbcUrl("postgres", "postgres");
			CountDownLatch start = new CountDownLatch(1);
			List<Future<MigrateResult>> results = new ArrayList<>();
			for (int i = 0; i < REPLICAS; i++) {
				results.add(replicas.submit(() -> {
					// what Spring Boot's Flyway auto-configuration does with spring.flyway.* as application.yml and
					// the production ConfigMap set them (SPRING_FLYWAY_LOCK_RETRY_COUNT=300)
					Flyway flyway = Flyway.configure().dataSource(url, "postgres", "postgres")
						.locations("classpath:db/migration").lockRetryCount(300).load();
					start.await();
					return flyway.migrate();
				}));
			}
			start.countDown();
			List<MigrateResult> done = new ArrayList<>();
			for (Future<MigrateResult> result : results) {
				done.add(result.get());
			}

			assertThat(done).allSatisfy(result -> assertThat(result.success).isTrue());
			int migrations = new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
				.getResources("classpath:db/migration/V*.sql").length;
			assertThat(done.stream().mapToInt(r -> r.migrationsExecuted).sum()).as("each applied by one replica")
				.isEqualTo(migrations);
			JdbcClient jdbc = JdbcClient.create(postgres.getPostgresDatabase());
			assertThat(jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE version IS NOT NULL AND success")
				.query(Integer.class).single()).isEqualTo(migrations);
			assertThat(jdbc.sql("SELECT count(DISTINCT version) FROM flyway_schema_history WHERE version IS NOT NULL")
				.query(Integer.class).single()).isEqualTo(migrations);
		}
	}
}
