package com.returnit.platform.internal.replica;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Callers' write positions in the primary (ADR 0026) when there is no Redis, or Redis is lost: an UNLOGGED table (no
 * log of its own, not replicated, emptied by a crash, which only sends a few reads to the primary). Recording is one
 * statement that also reads the position; a lookup is one primary-key read. Uses the primary's pool directly, never a
 * transaction's connection: it is asked while a read-only transaction is choosing its own.
 */
final class DatabasePositions {

	private static final Duration PURGE_EVERY = Duration.ofMinutes(1);

	private final JdbcClient primary;
	private final Duration keep;
	private final Clock clock;
	private volatile Instant nextPurge;

	DatabasePositions(DataSource primary, Duration keep, Clock clock) {
		this.primary = JdbcClient.create(primary);
		this.keep = keep;
		this.clock = clock;
		this.nextPurge = clock.instant();
	}

	/** The primary's position now: after the caller's committed write, so at or past its commit. */
	long current() {
		return WalPosition.parse(primary.sql("SELECT pg_current_wal_insert_lsn()::text").query(String.class).single());
	}

	/** Records the primary's position now for the caller (never lowering one recorded later), and answers it. */
	long record(String caller) {
		purgeNowAndThen();
		return WalPosition.parse(primary.sql("""
				INSERT INTO read_after_positions AS p (caller, lsn, expires_at)
				VALUES (:caller, pg_current_wal_insert_lsn(), now() + make_interval(secs => :keep))
				ON CONFLICT (caller) DO UPDATE SET lsn = GREATEST(p.lsn, excluded.lsn), expires_at = excluded.expires_at
				RETURNING lsn::text""")
			.param("caller", caller)
			.param("keep", keep.toMillis() / 1000.0)
			.query(String.class)
			.single());
	}

	/** Records a position read elsewhere (Redis was lost after it was read). */
	void record(String caller, long position) {
		primary.sql("""
				INSERT INTO read_after_positions AS p (caller, lsn, expires_at)
				VALUES (:caller, :lsn::pg_lsn, now() + make_interval(secs => :keep))
				ON CONFLICT (caller)
				  DO UPDATE SET lsn = GREATEST(p.lsn, excluded.lsn), expires_at = excluded.expires_at""")
			.param("caller", caller)
			.param("lsn", WalPosition.format(position))
			.param("keep", keep.toMillis() / 1000.0)
			.update();
	}

	/** The caller's position if it wrote within the window, else {@link WalPosition#NONE}. */
	long lookup(String caller) {
		return primary.sql("SELECT lsn::text FROM read_after_positions WHERE caller = :caller AND expires_at > now()")
			.param("caller", caller)
			.query(String.class)
			.optional()
			.map(WalPosition::parse)
			.orElse(WalPosition.NONE);
	}

	private void purgeNowAndThen() {
		Instant now = clock.instant();
		if (now.isBefore(nextPurge)) {
			return;
		}
		nextPurge = now.plus(PURGE_EVERY);
		primary.sql("DELETE FROM read_after_positions WHERE expires_at < now()").update();
	}
}
