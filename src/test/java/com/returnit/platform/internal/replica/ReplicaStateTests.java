package com.returnit.platform.internal.replica;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReplicaStateTests {

	private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

	private final ReplicaState state = new ReplicaState(Duration.ofSeconds(1), NOW);

	@Test
	void aReplicaNobodyHasCheckedYetServesNoReads() {
		assertThat(state.servesReads()).isFalse();
		assertThat(state.current().status()).isEqualTo(ReplicaState.Status.DOWN);
	}

	@Test
	void aReplicaWithinTheAllowedLagServesReadsAndSaysItCameBack() {
		assertThat(state.measured(0.2, NOW)).as("came back").isTrue();
		assertThat(state.servesReads()).isTrue();
		assertThat(state.measured(0.3, NOW)).as("was already serving").isFalse();
	}

	@Test
	void aReplicaFurtherBehindThanTheAllowedLagIsLaggingAndServesNoReads() {
		state.measured(0.1, NOW);
		state.measured(2.5, NOW);
		assertThat(state.servesReads()).isFalse();
		assertThat(state.current().status()).isEqualTo(ReplicaState.Status.LAGGING);
		assertThat(state.current().lagSeconds()).isEqualTo(2.5);
		assertThat(state.current().problem()).contains("2.5 s behind");
	}

	@Test
	void anUnreachableReplicaIsDownWithoutALagUntilItIsMeasuredAgain() {
		state.measured(0.1, NOW);
		state.unreachable("Connection refused", NOW);
		assertThat(state.servesReads()).isFalse();
		assertThat(state.current().lagSeconds()).isNull();
		assertThat(state.current().problem()).isEqualTo("Connection refused");
		assertThat(state.measured(0.0, NOW)).isTrue();
	}

	@Test
	void theReplayedPositionIsKeptWhileMeasuredAndForgottenWhenUnreachable() {
		state.measured(0.0, WalPosition.parse("0/3000148"), NOW);
		assertThat(state.replayed()).isEqualTo(WalPosition.parse("0/3000148"));
		state.unreachable("Connection refused", NOW);
		assertThat(state.replayed()).isEqualTo(WalPosition.NONE);
	}
}
