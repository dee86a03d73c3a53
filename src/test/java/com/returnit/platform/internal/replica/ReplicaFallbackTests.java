package com.returnit.platform.internal.replica;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;

class ReplicaFallbackTests {

	@Test
	void aConnectionCutByTheReplicasShutdownIsALostReplica() {
		var cut = new DataAccessResourceFailureException("read failed",
				new SQLException("terminating connection due to administrator command", "57P01"));
		assertThat(ReplicaFallback.connectionLost(cut)).isTrue();
	}

	@Test
	void anUnreachableReplicaIsALostReplica() {
		assertThat(ReplicaFallback.connectionLost(new SQLException("Connection refused", "08001"))).isTrue();
	}

	@Test
	void anErrorOfTheQueryItselfIsNotRetriedOnThePrimary() {
		assertThat(ReplicaFallback.connectionLost(new DuplicateKeyException("dup", new SQLException("dup", "23505"))))
			.isFalse();
		assertThat(ReplicaFallback.connectionLost(new SQLException("read-only transaction", "25006"))).isFalse();
		assertThat(ReplicaFallback.connectionLost(new IllegalStateException("no sql state"))).isFalse();
	}
}
