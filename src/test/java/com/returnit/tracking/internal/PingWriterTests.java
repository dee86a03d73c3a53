package com.returnit.tracking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.EndToEndTest;
import com.returnit.tracking.internal.domain.Ping;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The writer turns many waiting requests into a few transactions, and answers each only after its commit. */
class PingWriterTests extends EndToEndTest {

	@Autowired
	PingWriter writer;

	@Autowired
	MeterRegistry meters;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aThousandRequestsWaitingTogetherAreWrittenInAHandfulOfTransactions() {
		List<UUID> drivers = IntStream.range(0, 1_000).mapToObj(i -> UUID.randomUUID()).toList();
		double flushesBefore = meters.counter("returnit.tracking.flushes").count();
		Instant now = Instant.now();

		List<CompletableFuture<PingWriter.Written>> written = drivers.stream()
			.map(driver -> writer.submit(driver, List.of(new Ping(52.5, 13.4, now, null, null, null),
					new Ping(52.5001, 13.4, now.plusMillis(500), 3.0, 1.0, 0.0))))
			.toList();
		CompletableFuture.allOf(written.toArray(CompletableFuture[]::new)).join();
		double flushes = meters.counter("returnit.tracking.flushes").count() - flushesBefore;

		assertThat(written).allSatisfy(w -> assertThat(w.join()).isEqualTo(new PingWriter.Written(2, 0)));
		assertThat(flushes).as("transactions for 1,000 requests of 2 pings, batches of at most 2,000 pings")
			.isBetween(1.0, 10.0);
		assertThat(jdbc.sql("SELECT count(*) FROM driver_pings WHERE driver_id IN (:d)").param("d", drivers)
			.query(Long.class).single()).isEqualTo(2_000);
		assertThat(jdbc.sql("SELECT count(*) FROM driver_positions_latest WHERE driver_id IN (:d) AND lat = 52.5001")
			.param("d", drivers).query(Long.class).single()).isEqualTo(1_000);
	}
}
