package com.returnit.tracking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Pings live in daily partitions that exist before they are needed and disappear whole after the retention. */
class PartitionMaintenanceTests extends EndToEndTest {

	@Autowired
	PartitionMaintenance maintenance;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

	@Test
	void partitionsExistFromTheOldestRetainedDayToTwoDaysAhead() {
		maintenance.run();

		assertThat(maintenance.partitions()).contains(partition(today.minusDays(30)), partition(today.minusDays(1)),
				partition(today), partition(today.plusDays(1)), partition(today.plusDays(2)));
	}

	@Test
	void aPartitionEntirelyOlderThanTheRetentionIsDroppedWithItsPings() {
		String expired = createWithOnePing(today.minusDays(40));
		String retained = partition(today.minusDays(29));
		jdbc.sql("INSERT INTO driver_pings VALUES (:d, :at, 52.5, 13.4, null, null, null, false, now())")
			.param("d", UUID.randomUUID()).param("at", java.sql.Timestamp.from(noonOf(today.minusDays(29)))).update();

		PartitionMaintenance.Outcome outcome = maintenance.run();

		assertThat(outcome.dropped()).contains(expired);
		assertThat(maintenance.partitions()).doesNotContain(expired).contains(retained);
		assertThat(jdbc.sql("SELECT count(*) FROM pg_class WHERE relname = :name").param("name", expired)
			.query(Long.class).single()).isZero();
	}

	@Test
	void aPingForADayWhosePartitionIsMissingIsStillAccepted() {
		LocalDate day = today.minusDays(20);
		jdbc.sql("DROP TABLE IF EXISTS " + partition(day)).update();
		var driver = fixtures.driver();

		Api.Response response = api.post("/v1/drivers/me/locations", driver.token(), Map.of("pings",
				List.of(Map.of("lat", 52.5, "lng", 13.4, "recordedAt", noonOf(day).toString()))));

		assertThat(response.status()).as(response.body().toString()).isEqualTo(202);
		assertThat(maintenance.partitions()).contains(partition(day));
		assertThat(jdbc.sql("SELECT count(*) FROM " + partition(day) + " WHERE driver_id = :d")
			.param("d", UUID.fromString(driver.id())).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aDriversHistoryIsReadThroughTheIndexOfOnlyTheDaysAskedFor() {
		String plan = tx.execute(status -> {
			jdbc.sql("""
					INSERT INTO driver_pings
					SELECT ('00000000-0000-0000-0003-' || lpad((i % 1000)::text, 12, '0'))::uuid,
					  now() - (i % 86400) * interval '2 second', 52.5, 13.4, 5, 3, 90, false, now()
					FROM generate_series(1, 100000) AS i""").update();
			jdbc.sql("ANALYZE driver_pings").update();
			String explained = String.join("\n", jdbc.sql("""
					EXPLAIN SELECT recorded_at, lat, lng FROM driver_pings
					WHERE driver_id = :driver AND recorded_at BETWEEN :from AND :to ORDER BY recorded_at""")
				.param("driver", UUID.fromString("00000000-0000-0000-0003-000000000042"))
				.param("from", java.sql.Timestamp.from(lastTwoHoursOfToday()))
				.param("to", java.sql.Timestamp.from(Instant.now()))
				.query(String.class).list());
			status.setRollbackOnly();
			return explained;
		});

		assertThat(plan).contains("Index Scan on " + partition(today)).contains("_driver_id_recorded_at_idx")
			.doesNotContain("Seq Scan");
		assertThat(plan).contains("driver_id").doesNotContain(partition(today.minusDays(5)));
	}

	private String createWithOnePing(LocalDate day) {
		String name = partition(day);
		jdbc.sql("CREATE TABLE " + name + " PARTITION OF driver_pings FOR VALUES FROM ('" + day + " 00:00:00+00') TO ('"
				+ day.plusDays(1) + " 00:00:00+00')").update();
		jdbc.sql("INSERT INTO driver_pings VALUES (:d, :at, 52.5, 13.4, null, null, null, false, now())")
			.param("d", UUID.randomUUID()).param("at", java.sql.Timestamp.from(noonOf(day))).update();
		return name;
	}

	/** Two hours ago, or midnight when that was yesterday: the window asks for one day only whatever the hour. */
	private Instant lastTwoHoursOfToday() {
		Instant twoHoursAgo = Instant.now().minus(Duration.ofHours(2));
		Instant midnight = today.atStartOfDay().toInstant(ZoneOffset.UTC);
		return twoHoursAgo.isBefore(midnight) ? midnight : twoHoursAgo;
	}

	private static Instant noonOf(LocalDate day) {
		return day.atTime(12, 0).toInstant(ZoneOffset.UTC);
	}

	private static String partition(LocalDate day) {
		return "driver_pings_p" + DateTimeFormatter.BASIC_ISO_DATE.format(day);
	}
}
