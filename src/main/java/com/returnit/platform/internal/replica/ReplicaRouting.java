package com.returnit.platform.internal.replica;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * The read-only data source behind Spring's {@code LazyConnectionDataSourceProxy}: a read-only transaction gets its
 * connection here when it runs its first statement. The replica's when the {@link ReadPolicy} allows it and the
 * replica is healthy; the primary's otherwise, and whenever the replica fails to give one, so that a lost replica is
 * never a client's error. The beans are looked up on first use: this is built while the primary pool is.
 */
class ReplicaRouting extends AbstractDataSource {

	private final DataSource primary;
	private final ObjectProvider<ReadReplica> replicas;
	private final ObjectProvider<ReadPolicy> policies;
	private final ObjectProvider<MeterRegistry> meters;
	private volatile Counter servedByReplica;
	private volatile Counter servedByPrimary;

	ReplicaRouting(DataSource primary, ObjectProvider<ReadReplica> replicas, ObjectProvider<ReadPolicy> policies,
			ObjectProvider<MeterRegistry> meters) {
		this.primary = primary;
		this.replicas = replicas;
		this.policies = policies;
		this.meters = meters;
	}

	@Override
	public Connection getConnection() throws SQLException {
		ReadReplica replica = replicas.getObject();
		if (!replica.servesReads() || !policies.getObject().mayUseReplica(replica.replayed())) {
			return fromPrimary();
		}
		try {
			Connection connection = replica.connection();
			ReplicaUse.markUsed();
			count(true);
			return connection;
		}
		catch (SQLTransientConnectionException busy) {
			// the replica's pool was busy for connect-timeout: this read goes to the primary, the replica stays in use;
			// a pool that could not connect names the connection failure as the cause
			if (busy.getCause() != null) {
				replica.lost(busy);
			}
			return fromPrimary();
		}
		catch (SQLException | RuntimeException e) {
			replica.lost(e);
			return fromPrimary();
		}
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return getConnection();
	}

	private Connection fromPrimary() throws SQLException {
		Connection connection = primary.getConnection();
		count(false);
		return connection;
	}

	private void count(boolean replica) {
		if (servedByReplica == null) {
			MeterRegistry registry = meters.getObject();
			servedByPrimary = counter(registry, "primary");
			servedByReplica = counter(registry, "replica");
		}
		(replica ? servedByReplica : servedByPrimary).increment();
	}

	private static Counter counter(MeterRegistry registry, String servedBy) {
		return Counter.builder("returnit.replica.reads")
			.description("Read-only transactions by the database that served them")
			.tag("served_by", servedBy)
			.register(registry);
	}
}
