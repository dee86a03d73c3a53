package com.returnit.platform.internal.replica;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * The application's data source with a replica: Spring's lazy proxy over the primary, whose read-only transactions
 * take their connection from {@link ReplicaRouting}. Closing it closes the primary pool, as closing the pool bean did.
 */
class PrimaryAndReplica extends LazyConnectionDataSourceProxy implements AutoCloseable {

	private final DataSource primary;

	PrimaryAndReplica(DataSource primary, ReplicaRouting reads) {
		super(primary);
		this.primary = primary;
		// known, so that the proxy never opens a connection just to learn them
		setDefaultAutoCommit(true);
		setDefaultTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
		setReadOnlyDataSource(reads);
	}

	static PrimaryAndReplica of(DataSource primary, ObjectProvider<ReadReplica> replicas,
			ObjectProvider<ReadPolicy> policies, ObjectProvider<MeterRegistry> meters) {
		return new PrimaryAndReplica(primary, new ReplicaRouting(primary, replicas, policies, meters));
	}

	/** The primary's own data source under the application's, bound to no transaction. */
	static DataSource primaryOf(DataSource application) {
		return application instanceof LazyConnectionDataSourceProxy proxy && proxy.getTargetDataSource() != null
				? proxy.getTargetDataSource() : application;
	}

	@Override
	public void close() throws Exception {
		if (primary instanceof AutoCloseable closeable) {
			closeable.close();
		}
	}
}
