package com.returnit.tracking.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps driver_pings in daily UTC partitions: at start and hourly it creates every partition from the oldest day still
 * within the retention up to two days ahead, and drops the partitions that lie entirely before the retention. Nodes
 * take turns through a transaction-scoped advisory lock, so two nodes never run the DDL at once.
 */
@Component
class PartitionMaintenance implements SmartInitializingSingleton {

	/** What one run did. */
	record Outcome(List<String> created, List<String> dropped) {
	}

	static final long ADVISORY_LOCK = 0x7472_6163_6b69_6e67L;
	private static final int DAYS_AHEAD = 2;
	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
	private static final Pattern NAME = Pattern.compile("driver_pings_p(\\d{8})");
	private static final Logger log = LoggerFactory.getLogger(PartitionMaintenance.class);

	private final JdbcClient jdbc;
	private final TransactionTemplate tx;
	private final Clock clock;
	private final TrackingProperties properties;

	PartitionMaintenance(JdbcClient jdbc, TransactionTemplate tx, Clock clock, TrackingProperties properties) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.clock = clock;
		this.properties = properties;
	}

	@Override
	public void afterSingletonsInstantiated() {
		run();
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1H")
	void hourly() {
		run();
	}

	Outcome run() {
		Instant cutoff = clock.instant().minus(properties.retention());
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		Outcome outcome = tx.execute(status -> {
			lock();
			return new Outcome(create(LocalDate.ofInstant(cutoff, ZoneOffset.UTC), today.plusDays(DAYS_AHEAD)),
					dropEndingBy(cutoff));
		});
		if (!outcome.created().isEmpty() || !outcome.dropped().isEmpty()) {
			log.info("Ping partitions created {}, dropped {}", outcome.created(), outcome.dropped());
		}
		return outcome;
	}

	/** Creates the partitions for these days (inclusive) where missing: the writer's fallback for an unforeseen day. */
	void ensure(LocalDate from, LocalDate to) {
		tx.executeWithoutResult(status -> {
			lock();
			create(from, to);
		});
	}

	private void lock() {
		// maintenance, not an API call: more than the pool's statement_timeout (ADR 0018)
		jdbc.sql("SET LOCAL statement_timeout = '5min'").update();
		jdbc.sql("SET LOCAL lock_timeout = '10s'").update();
		jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", ADVISORY_LOCK).query().singleRow();
	}

	private List<String> create(LocalDate from, LocalDate to) {
		Set<String> existing = Set.copyOf(partitions());
		List<String> created = new ArrayList<>();
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			String name = "driver_pings_p" + DAY.format(day);
			if (!existing.contains(name)) {
				jdbc.sql("CREATE TABLE " + name + " PARTITION OF driver_pings FOR VALUES FROM ('" + day
						+ " 00:00:00+00') TO ('" + day.plusDays(1) + " 00:00:00+00')").update();
				created.add(name);
			}
		}
		return created;
	}

	private List<String> dropEndingBy(Instant cutoff) {
		List<String> dropped = new ArrayList<>();
		for (String name : partitions()) {
			Matcher day = NAME.matcher(name);
			if (day.matches() && !LocalDate.parse(day.group(1), DAY).plusDays(1).atStartOfDay(ZoneOffset.UTC)
				.toInstant().isAfter(cutoff)) {
				jdbc.sql("DROP TABLE " + name).update();
				dropped.add(name);
			}
		}
		return dropped;
	}

	List<String> partitions() {
		return jdbc.sql("""
				SELECT child.relname FROM pg_inherits
				JOIN pg_class parent ON parent.oid = pg_inherits.inhparent
				JOIN pg_class child ON child.oid = pg_inherits.inhrelid
				WHERE parent.relname = 'driver_pings' AND child.relkind = 'r'
				ORDER BY child.relname""").query(String.class).list();
	}
}
