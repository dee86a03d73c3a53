package com.returnit.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import io.micrometer.core.instrument.MeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * A read replica (ADR 0024): here the service's own PostgreSQL seen through a login whose transactions are read-only,
 * so that a write routed to it would fail, and a backend of its pool shows what it last ran. List and tracking reads
 * run there, writes and reads asking for the latest on the primary; taking the replica away sends
 * reads to the primary without a single error, and the replica serves again once it is back.
 * drills/replica-lost.sh does the same with real streaming replication against the jar.
 */
@TestPropertySource(properties = { "returnit.test.database=replica", "returnit.replica.username=returnit_replica",
		"returnit.replica.password=replica-secret", "returnit.replica.pool-size=2",
		"returnit.replica.check-every=100ms", "returnit.replica.read-your-writes=1s",
		"returnit.operations.scrape-token=replica-scrape-token", "management.endpoint.health.show-details=always" })
class ReadReplicaTests extends EndToEndTest {

	private static final EmbeddedPostgres POSTGRES = startWithReadOnlyLogin();

	@Autowired
	MeterRegistry meters;

	@Autowired
	DataSource dataSource;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		// no user in the url: a user there would take precedence over the username property
		String url = "jdbc:postgresql://localhost:" + POSTGRES.getPort() + "/postgres";
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "postgres");
		registry.add("returnit.replica.url", () -> url);
	}

	@Test
	void listAndTrackingReadsAreServedByTheReplicaAndWritesByThePrimary() {
		Fixtures.MerchantRef merchant = fixtures.merchant("Replica Rags");
		Fixtures.Person customer = fixtures.customer();
		String orderId = fixtures.order(customer, merchant);
		awaitReplicaServing();

		double before = reads("replica");
		Instant replicaBusyBefore = lastActivityOfTheReplicaPool();
		Api.Response list = api.get("/v1/orders", merchant.apiKey());
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body().get("data").findValuesAsString("id")).contains(orderId);
		assertThat(reads("replica")).isEqualTo(before + 1);
		assertThat(lastActivityOfTheReplicaPool()).as("a backend of the replica login worked").isAfter(replicaBusyBefore);

		double beforeTracking = reads("replica");
		assertThat(api.get("/v1/orders/" + orderId + "/tracking", customer.token()).status()).isEqualTo(200);
		assertThat(reads("replica")).isEqualTo(beforeTracking + 1);
	}

	@Test
	void aReadAskingForTheLatestIsServedByThePrimary() {
		Fixtures.MerchantRef merchant = fixtures.merchant("Fresh Fabrics");
		Fixtures.Person customer = fixtures.customer();
		String orderId = fixtures.order(customer, merchant);
		awaitReplicaServing();

		double replica = reads("replica");
		double primary = reads("primary");
		Api.Response latest = api.send("GET", "/v1/orders", merchant.apiKey(), null, "Cache-Control", "no-cache");
		assertThat(latest.status()).isEqualTo(200);
		assertThat(latest.body().get("data").findValuesAsString("id")).contains(orderId);

		assertThat(reads("replica")).as("no read went to the replica").isEqualTo(replica);
		assertThat(reads("primary")).isGreaterThanOrEqualTo(primary + 1);
	}

	/**
	 * A caller's read right after its own write needs a database that has replayed the write (ADR 0026); this
	 * "replica" is not in recovery, so it has everything. ReadYourWritesAcrossNodesTests proves the rule with a real
	 * replica that lacks the write.
	 */
	@Test
	void aCallersReadRightAfterItsOwnWriteSeesTheWrite() {
		Fixtures.MerchantRef merchant = fixtures.merchant("Own Writes Outfitters");
		Fixtures.Person customer = fixtures.customer();
		awaitReplicaServing();

		Api.Response booked = api.post("/v1/orders", customer.token(), Fixtures.request(merchant.id()));
		assertThat(booked.status()).isEqualTo(201);
		assertThat(booked.header("ReturnIt-Read-After")).matches("[0-9A-F]+/[0-9A-F]+");
		Api.Response own = api.get("/v1/orders/" + booked.text("id"), customer.token());
		assertThat(own.status()).isEqualTo(200);
		assertThat(own.text("status")).isEqualTo("scheduled");
	}

	@Test
	void aLostReplicaSendsReadsToThePrimaryWithoutErrorsAndServesAgainOnceBack() throws Exception {
		Fixtures.MerchantRef merchant = fixtures.merchant("Lost Linens");
		Fixtures.Person customer = fixtures.customer();
		String orderId = fixtures.order(customer, merchant);
		awaitReplicaServing();

		asSuperuser("ALTER ROLE returnit_replica NOLOGIN",
				"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'returnit_replica'");
		try {
			List<Integer> statuses = concurrently(30, i -> i % 2 == 0 ? api.get("/v1/orders", merchant.apiKey())
					: api.get("/v1/orders/" + orderId + "/tracking", customer.token()));
			assertThat(statuses).as("every read answered").containsOnly(200);
			Api.Response health = api.get("/actuator/health/readiness", null);
			assertThat(health.status()).as("the node still serves: ready").isEqualTo(200);
			assertThat(health.body().at("/components/replica/details/replica").asString()).isEqualTo("down");
			assertThat(health.body().at("/components/replica/details/reads").asString()).isEqualTo("primary");
			assertThat(prometheus()).contains("returnit_replica_serving{application=\"returnit\"} 0.0")
				.containsPattern("returnit_replica_reads_total\\{[^}]*served_by=\"primary\"");
		}
		finally {
			asSuperuser("ALTER ROLE returnit_replica LOGIN");
		}
		awaitReplicaServing();
		// the replica's pool may still be backing off from the outage for a moment (its reads then go to the
		// primary, without an error): what counts is that reads go back to the replica on their own
		Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			double before = reads("replica");
			assertThat(api.get("/v1/orders", merchant.apiKey()).status()).isEqualTo(200);
			assertThat(reads("replica")).isEqualTo(before + 1);
		});
	}

	@Test
	void theReplicaLagIsAMetricAndAHealthDetail() {
		awaitReplicaServing();
		assertThat(prometheus()).contains("returnit_replica_lag_seconds{application=\"returnit\"} 0.0")
			.contains("returnit_replica_serving{application=\"returnit\"} 1.0");
		Api.Response health = api.get("/actuator/health/readiness", null);
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.body().at("/components/replica/status").asString()).isEqualTo("UP");
		assertThat(health.body().at("/components/replica/details/lagSeconds").asDouble()).isEqualTo(0.0);
	}

	private void awaitReplicaServing() {
		Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
			.until(() -> "up".equals(api.get("/actuator/health/readiness", null).body()
				.at("/components/replica/details/replica").asString()));
	}

	private double reads(String servedBy) {
		var counter = meters.find("returnit.replica.reads").tag("served_by", servedBy).counter();
		return counter == null ? 0 : counter.count();
	}

	private String prometheus() {
		return api.get("/actuator/prometheus", "replica-scrape-token").raw().body();
	}

	private Instant lastActivityOfTheReplicaPool() {
		return JdbcClient.create(dataSource)
			.sql("SELECT coalesce(max(state_change), 'epoch') FROM pg_stat_activity"
					+ " WHERE usename = 'returnit_replica' AND application_name = 'returnit-replica'")
			.query(java.sql.Timestamp.class).single().toInstant();
	}

	private static void asSuperuser(String... statements) throws SQLException {
		try (Connection connection = POSTGRES.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	private static List<Integer> concurrently(int count, java.util.function.IntFunction<Api.Response> call)
			throws Exception {
		try (var executor = Executors.newFixedThreadPool(4)) {
			List<Future<Integer>> answers = new java.util.ArrayList<>();
			for (int i = 0; i < count; i++) {
				int n = i;
				answers.add(executor.submit(() -> call.apply(n).status()));
			}
			List<Integer> statuses = new java.util.ArrayList<>();
			for (Future<Integer> answer : answers) {
				statuses.add(answer.get());
			}
			return statuses;
		}
	}

	/** A PostgreSQL of this class's own, with a login that may read everything and write nothing. */
	private static EmbeddedPostgres startWithReadOnlyLogin() {
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
			try (Connection connection = postgres.getPostgresDatabase().getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("CREATE ROLE returnit_replica LOGIN PASSWORD 'replica-secret'");
				statement.execute("ALTER ROLE returnit_replica SET default_transaction_read_only = on");
				statement.execute("GRANT pg_read_all_data TO returnit_replica");
			}
			return postgres;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}
}
