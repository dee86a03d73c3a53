package com.returnit.platform.internal;

import com.zaxxer.hikari.HikariDataSource;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The connection pool behind a circuit breaker. While the database is down every connection request would wait the
 * pool's connection-timeout before failing; once a few have failed because the database could not be reached (SQL
 * state 08: refused, reset, unknown host; a pool that is merely busy does not count), the circuit opens and requests
 * fail at once: 503 within milliseconds, so load during an outage costs nothing. While open, a probe opens a plain
 * connection outside the pool every {@code probeEvery}; the first that succeeds closes the circuit, so no user request
 * ever waits to find out whether the database is back.
 */
class DatabaseCircuit extends DelegatingDataSource implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(DatabaseCircuit.class);

	private final HikariDataSource pool;
	private final Duration probeEvery;
	private final CircuitBreaker breaker;

	DatabaseCircuit(HikariDataSource pool, Duration probeEvery) {
		super(pool);
		this.pool = pool;
		this.probeEvery = probeEvery;
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
			log.warn("Database circuit {}", event.getStateTransition());
			if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
				Thread.ofVirtual().name("database-probe").start(this::probeUntilBack);
			}
		});
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
			throw new SQLTransientConnectionException("database circuit open: the database was unreachable moments ago",
					"08001", CallNotPermittedException.createCallNotPermittedException(breaker));
		}
		long start = breaker.getCurrentTimestamp();
		try {
			Connection connection = supplier.get();
			breaker.onSuccess(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit());
			return connection;
		}
		catch (SQLException | RuntimeException e) {
			breaker.onError(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit(), e);
			throw e;
		}
	}

	private void probeUntilBack() {
		Properties properties = new Properties();
		properties.setProperty("user", pool.getUsername());
		properties.setProperty("password", pool.getPassword() == null ? "" : pool.getPassword());
		properties.setProperty("connectTimeout", "1");
		while (breaker.getState() == CircuitBreaker.State.OPEN && !pool.isClosed()) {
			try {
				Thread.sleep(probeEvery);
				try (Connection probe = DriverManager.getConnection(pool.getJdbcUrl(), properties)) {
					if (probe.isValid(1)) {
						breaker.transitionToClosedState();
					}
				}
			}
			catch (SQLException e) {
				log.debug("Database still unreachable: {}", e.getMessage());
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/** The database could not be reached: SQL state class 08. A pool timeout without a cause has no SQL state. */
	private static boolean unreachable(Throwable error) {
		return error instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08");
	}
}
