package com.returnit.platform.internal;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The connection pool behind a circuit breaker. While the database is down every connection request would wait the
 * pool's connection-timeout before failing; once a few in a row have failed, the circuit opens and requests fail at
 * once (503 within milliseconds, so load during an outage costs nothing). After {@code probeAfter} a few requests go
 * through to the pool again: if the database is back they close the circuit, else it stays open. Only failures to get
 * a connection count, never a failed statement.
 */
class DatabaseCircuit extends DelegatingDataSource implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(DatabaseCircuit.class);

	private final CircuitBreaker breaker;

	DatabaseCircuit(DataSource pool, Duration probeAfter) {
		super(pool);
		this.breaker = CircuitBreaker.of("database", CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(10)
			.minimumNumberOfCalls(4)
			.failureRateThreshold(50)
			.waitDurationInOpenState(probeAfter)
			.permittedNumberOfCallsInHalfOpenState(2)
			.recordExceptions(SQLException.class)
			.build());
		breaker.getEventPublisher().onStateTransition(event -> log.warn("Database circuit {}",
				event.getStateTransition()));
	}

	/** Closes the pool with the application context (the inferred destroy method of the pool's bean). */
	@Override
	public void close() throws Exception {
		if (obtainTargetDataSource() instanceof AutoCloseable pool) {
			pool.close();
		}
	}

	@Override
	public Connection getConnection() throws SQLException {
		return guarded(() -> obtainTargetDataSource().getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return guarded(() -> obtainTargetDataSource().getConnection(username, password));
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
}
