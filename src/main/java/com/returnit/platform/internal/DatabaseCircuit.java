package com.returnit.platform.internal;

import com.zaxxer.hikari.HikariDataSource;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The connection pool behind a circuit breaker (ADR 0018, 0027). While the database is down every connection request
 * would wait the pool's connection-timeout before failing. The circuit opens when a few have failed because the
 * database could not be reached (SQL state 08 or 57P01-57P03; a pool that is merely busy does not count), or as soon
 * as a request has waited {@code suspectAfter} for a connection and a {@link DatabaseProbe} finds the database
 * unreachable; opening also ends the waits of the requests already waiting. While open, requests fail at once (503
 * within milliseconds) and the probe tries the database every {@code probeEvery}; the first success closes the
 * circuit, so no user request ever waits to find out whether the database is back.
 */
class DatabaseCircuit extends DelegatingDataSource implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(DatabaseCircuit.class);

	/** Under plain overload requests wait long without an outage: ask the database at most this often then. */
	private static final Duration SUSPICION_PROBE_EVERY = Duration.ofSeconds(1);

	private final HikariDataSource pool;
	private final Settings settings;
	private final CircuitBreaker breaker;
	private final ConnectionWaiters waiters = new ConnectionWaiters();
	private final DatabaseProbe probe;

	/** How often the probe tries while open, and how long a wait for a connection makes the circuit ask. */
	record Settings(Duration probeEvery, Duration suspectAfter) {
	}

	DatabaseCircuit(HikariDataSource pool, Settings settings) {
		super(pool);
		this.pool = pool;
		this.settings = settings;
		this.probe = new DatabaseProbe(pool);
		this.breaker = CircuitBreaker.of("database", CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(10)
			.minimumNumberOfCalls(4)
			.failureRateThreshold(50)
			// the probe closes it; this is only the fallback should the probe thread die
			.waitDurationInOpenState(Duration.ofSeconds(30))
			.recordException(DatabaseCircuit::unreachable)
			.build());
		breaker.getEventPublisher().onStateTransition(event -> {
			CircuitBreaker.StateTransition transition = event.getStateTransition();
			log.warn("Database circuit {}", transition);
			if (transition.getToState() == CircuitBreaker.State.OPEN
					&& transition.getFromState() != CircuitBreaker.State.OPEN) {
				int told = waiters.cancelAll();
				log.warn("Database unreachable: {} requests waiting for a connection answered at once", told);
				Thread.ofPlatform().daemon().name("database-probe").start(this::probeUntilBack);
			}
		});
		// platform threads: they must run even while every carrier of the virtual threads is busy with requests
		Thread.ofPlatform().daemon().name("database-watch").start(this::watchWaits);
		log.info("Connection pool behind the database circuit (probe every {} ms, a wait of {} ms makes it ask)",
				settings.probeEvery().toMillis(), settings.suspectAfter().toMillis());
	}

	CircuitBreaker.State state() {
		return breaker.getState();
	}

	@Override
	public Connection getConnection() throws SQLException {
		return guarded(() -> pool.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return guarded(() -> pool.getConnection(username, password));
	}

	/** Closes the pool with the application context (the inferred destroy method of the pool's bean). */
	@Override
	public void close() {
		pool.close();
	}

	private interface ConnectionSupplier {

		Connection get() throws SQLException;
	}

	private Connection guarded(ConnectionSupplier supplier) throws SQLException {
		if (!breaker.tryAcquirePermission()) {
			throw circuitOpen();
		}
		long start = breaker.getCurrentTimestamp();
		ConnectionWaiters.Waiter waiter = waiters.begin();
		if (breaker.getState() == CircuitBreaker.State.OPEN) {
			// opened between the permission and the registration: its cancelAll may not have seen this waiter
			waiter.finish();
			breaker.releasePermission();
			throw circuitOpen();
		}
		Connection connection;
		try {
			connection = supplier.get();
		}
		catch (SQLException | RuntimeException e) {
			if (waiter.finish()) {
				breaker.releasePermission();
				throw circuitOpen();
			}
			breaker.onError(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit(), e);
			throw e;
		}
		// told as the connection arrived: keep it, the request finds out with its first statement
		waiter.finish();
		breaker.onSuccess(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit());
		return connection;
	}

	private SQLTransientConnectionException circuitOpen() {
		return new SQLTransientConnectionException("database circuit open: the database was unreachable moments ago",
				"08001", CallNotPermittedException.createCallNotPermittedException(breaker));
	}

	/** A request waiting long for a connection is either overload or an outage: the probe tells which. */
	private void watchWaits() {
		Duration checkEvery = settings.suspectAfter().dividedBy(4).compareTo(Duration.ofMillis(10)) < 0
				? Duration.ofMillis(10) : settings.suspectAfter().dividedBy(4);
		long lastProbe = System.nanoTime() - SUSPICION_PROBE_EVERY.toNanos();
		while (!pool.isClosed()) {
			if (!sleep(checkEvery)) {
				return;
			}
			if (breaker.getState() == CircuitBreaker.State.CLOSED
					&& waiters.longestWait().compareTo(settings.suspectAfter()) >= 0
					&& System.nanoTime() - lastProbe >= SUSPICION_PROBE_EVERY.toNanos()) {
				lastProbe = System.nanoTime();
				if (probe.unreachable() && breaker.getState() == CircuitBreaker.State.CLOSED) {
					log.warn("A request waited {} ms for a connection and the database is unreachable",
							settings.suspectAfter().toMillis());
					breaker.transitionToOpenState();
				}
			}
		}
	}

	private void probeUntilBack() {
		while (breaker.getState() == CircuitBreaker.State.OPEN && !pool.isClosed()) {
			if (!sleep(settings.probeEvery())) {
				return;
			}
			if (!probe.unreachable()) {
				breaker.transitionToClosedState();
			}
		}
	}

	private static boolean sleep(Duration duration) {
		try {
			Thread.sleep(duration);
			return true;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * The database could not be reached: SQL state class 08, or 57P01-57P03 (shutting down, starting up). A pool
	 * timeout carries the state of the pool's last failed connection attempt; one without a cause has no SQL state.
	 */
	static boolean unreachable(Throwable error) {
		if (!(error instanceof SQLException sql) || sql.getSQLState() == null) {
			return false;
		}
		String state = sql.getSQLState();
		return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
	}
}
