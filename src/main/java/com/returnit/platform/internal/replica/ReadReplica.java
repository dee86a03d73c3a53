package com.returnit.platform.internal.replica;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replica: a pool of its own for reads, and a monitor that measures, on a connection of its own, whether the
 * replica answers and how far it is behind the primary. A read that cannot get a healthy replica connection, or finds
 * it broken, reports it here ({@link #lost}); the replica then serves nothing until the monitor sees it healthy again.
 */
class ReadReplica implements AutoCloseable {

	static final String APPLICATION_NAME = "returnit-replica";

	private static final Logger log = LoggerFactory.getLogger(ReadReplica.class);

	/**
	 * Seconds behind the primary: 0 when everything received is replayed and the stream is up (an idle primary is not
	 * lag), otherwise the age of the last replayed transaction. A server not in recovery is its own primary: 0. Then
	 * the position replayed so far (ADR 0026), null for a server not in recovery (it has everything).
	 */
	private static final String LAG = """
			SELECT CASE
			  WHEN NOT pg_is_in_recovery() THEN 0
			  WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() AND EXISTS (SELECT 1 FROM pg_stat_wal_receiver)
			    THEN 0
			  ELSE COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 1e9)
			END,
			CASE WHEN pg_is_in_recovery() THEN COALESCE(pg_last_wal_replay_lsn(), '0/0')::text END""";

	private final ReplicaProperties properties;
	private final Clock clock;
	private final ReplicaState state;
	private final HikariDataSource pool;
	private final ScheduledExecutorService monitor;
	private @Nullable Connection monitorConnection;

	ReadReplica(ReplicaProperties properties, String statementTimeout, Clock clock) {
		this.properties = properties;
		this.clock = clock;
		this.state = new ReplicaState(properties.maxLag(), clock.instant());
		this.pool = new HikariDataSource(poolConfig(properties, statementTimeout));
		this.monitor = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("replica-monitor").factory());
		monitor.scheduleWithFixedDelay(this::check, 0, properties.checkEvery().toMillis(), TimeUnit.MILLISECONDS);
	}

	private static HikariConfig poolConfig(ReplicaProperties properties, String statementTimeout) {
		HikariConfig config = new HikariConfig();
		config.setPoolName("replica");
		config.setJdbcUrl(properties.url());
		config.setUsername(properties.username());
		config.setPassword(properties.password());
		config.setMaximumPoolSize(properties.poolSize());
		config.setMinimumIdle(Math.min(2, properties.poolSize()));
		config.setConnectionTimeout(Math.max(250, properties.connectTimeout().toMillis()));
		config.setValidationTimeout(250);
		// the node starts, and serves from the primary, while the replica is unreachable
		config.setInitializationFailTimeout(-1);
		config.setConnectionInitSql("SET statement_timeout = '" + statementTimeout.replace("'", "") + "'");
		config.addDataSourceProperty("ApplicationName", APPLICATION_NAME);
		config.addDataSourceProperty("connectTimeout", String.valueOf(connectSeconds(properties)));
		config.addDataSourceProperty("socketTimeout", "60");
		return config;
	}

	private static long connectSeconds(ReplicaProperties properties) {
		return Math.max(1, properties.connectTimeout().toSeconds());
	}

	ReplicaState.Reading reading() {
		return state.current();
	}

	boolean servesReads() {
		return state.servesReads();
	}

	/**
	 * The log position the replica had replayed when last measured, {@link WalPosition#EVERYTHING} for a server not in
	 * recovery. Read before the decision it serves; the replica only moves forward, so this is never too far ahead.
	 */
	long replayed() {
		return state.replayed();
	}

	/** A checked connection from the replica's pool: one the replica closed under us is not handed out. */
	Connection connection() throws SQLException {
		Connection connection = pool.getConnection();
		if (!connection.isValid(1)) {
			pool.evictConnection(connection);
			throw new SQLException("replica connection no longer valid", "08003");
		}
		return connection;
	}

	/** A read found the replica unreachable or its connection cut: no reads go there until the monitor sees it back. */
	void lost(Throwable cause) {
		if (state.servesReads()) {
			log.warn("Replica lost, reads go to the primary: {}", cause.getMessage());
		}
		state.unreachable(String.valueOf(cause.getMessage()), clock.instant());
		evictIdle();
	}

	void check() {
		try {
			Measure measure = measure();
			if (state.measured(measure.lagSeconds(), measure.replayed(), clock.instant())) {
				// connections from before an outage are dead; new ones are opened on demand
				evictIdle();
				log.info("Replica serves reads again ({} s behind)", measure.lagSeconds());
			}
		}
		catch (SQLException | RuntimeException e) {
			closeMonitorConnection();
			if (state.servesReads()) {
				log.warn("Replica unreachable, reads go to the primary: {}", e.getMessage());
			}
			state.unreachable(String.valueOf(e.getMessage()), clock.instant());
		}
	}

	/** Connections opened before an outage are dead: idle ones go now, busy ones when they are returned. */
	private void evictIdle() {
		var bean = pool.getHikariPoolMXBean();
		if (bean != null) {
			bean.softEvictConnections();
		}
	}

	private record Measure(double lagSeconds, long replayed) {
	}

	private Measure measure() throws SQLException {
		if (monitorConnection == null || monitorConnection.isClosed()) {
			Properties login = new Properties();
			login.setProperty("user", String.valueOf(properties.username()));
			login.setProperty("password", properties.password() == null ? "" : properties.password());
			login.setProperty("connectTimeout", String.valueOf(connectSeconds(properties)));
			login.setProperty("socketTimeout", "5");
			login.setProperty("ApplicationName", APPLICATION_NAME + "-monitor");
			monitorConnection = DriverManager.getConnection(properties.url(), login);
		}
		try (Statement statement = monitorConnection.createStatement()) {
			statement.setQueryTimeout(2);
			try (ResultSet rows = statement.executeQuery(LAG)) {
				rows.next();
				String replayed = rows.getString(2);
				return new Measure(rows.getDouble(1),
						replayed == null ? WalPosition.EVERYTHING : WalPosition.parse(replayed));
			}
		}
	}

	private void closeMonitorConnection() {
		if (monitorConnection != null) {
			try {
				monitorConnection.close();
			}
			catch (SQLException e) {
				log.debug("Closing the replica monitor's connection: {}", e.getMessage());
			}
			monitorConnection = null;
		}
	}

	@Override
	public void close() {
		monitor.shutdownNow();
		try {
			monitor.awaitTermination(2, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		closeMonitorConnection();
		pool.close();
	}
}
