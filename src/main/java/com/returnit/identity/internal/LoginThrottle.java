package com.returnit.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Failed logins per account (by the email tried, whether or not it exists, so the answer never tells) and per
 * client IP. Past the free failures every further one locks the key for a delay that doubles each time, up to a
 * maximum; the lock is answered at once (429 with Retry-After), never by holding a thread. Kept in PostgreSQL, so it
 * holds across nodes.
 */
@Component
class LoginThrottle {

	@ConfigurationProperties("returnit.security.login-throttle")
	record Settings(int accountFreeFailures, int ipFreeFailures, Duration baseDelay, Duration maxDelay,
			Duration forgetAfter) {

		Settings {
			accountFreeFailures = accountFreeFailures > 0 ? accountFreeFailures : 5;
			ipFreeFailures = ipFreeFailures > 0 ? ipFreeFailures : 20;
			baseDelay = baseDelay == null ? Duration.ofSeconds(1) : baseDelay;
			maxDelay = maxDelay == null ? Duration.ofMinutes(15) : maxDelay;
			forgetAfter = forgetAfter == null ? Duration.ofMinutes(15) : forgetAfter;
		}
	}

	private final JdbcClient jdbc;
	private final Settings settings;
	private final Clock clock;

	LoginThrottle(JdbcClient jdbc, Settings settings, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	/** How long this email or this address must still wait before trying again, if it is locked. */
	Optional<Duration> lockedFor(String email, String ip) {
		Instant now = clock.instant();
		return jdbc.sql("SELECT max(blocked_until) FROM login_failures WHERE key IN (:keys) AND blocked_until > :now")
			.param("keys", List.of(accountKey(email), ipKey(ip))).param("now", Timestamp.from(now))
			.query(Timestamp.class).optional()
			.map(until -> Duration.between(now, until.toInstant()));
	}

	void failed(String email, String ip) {
		count(accountKey(email), settings.accountFreeFailures());
		count(ipKey(ip), settings.ipFreeFailures());
	}

	/** A successful login clears the account's failures; the address keeps its count. */
	void succeeded(String email) {
		jdbc.sql("DELETE FROM login_failures WHERE key = :key").param("key", accountKey(email)).update();
	}

	private void count(String key, int free) {
		Instant now = clock.instant();
		int failures = jdbc.sql("""
				INSERT INTO login_failures (key, failures, last_failure_at) VALUES (:key, 1, :now)
				ON CONFLICT (key) DO UPDATE SET
				  failures = CASE WHEN login_failures.last_failure_at < :forget THEN 1 ELSE login_failures.failures + 1 END,
				  last_failure_at = :now
				RETURNING failures""")
			.param("key", key).param("now", Timestamp.from(now))
			.param("forget", Timestamp.from(now.minus(settings.forgetAfter())))
			.query(Integer.class).single();
		if (failures > free) {
			jdbc.sql("UPDATE login_failures SET blocked_until = :until WHERE key = :key")
				.param("key", key).param("until", Timestamp.from(now.plus(delay(failures - free)))).update();
		}
	}

	/** base, 2 base, 4 base, ... for the first, second, third failure past the free ones; never above the maximum. */
	Duration delay(int failuresPastFree) {
		int doublings = Math.min(failuresPastFree - 1, 30);
		Duration delay = settings.baseDelay().multipliedBy(1L << doublings);
		return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
	}

	private static String accountKey(String email) {
		return "account:" + email.trim().toLowerCase(Locale.ROOT);
	}

	private static String ipKey(String ip) {
		return "ip:" + ip;
	}
}
