package com.returnit.platform.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import javax.sql.DataSource;

/** For wiring elsewhere in the platform that wraps the pool before the circuit's post-processor has seen it. */
public final class DatabaseCircuits {

	private DatabaseCircuits() {
	}

	/**
	 * The pool behind the {@link DatabaseCircuit} (ADR 0018, 0027), as {@code DatabaseCircuitConfiguration} does it:
	 * {@code returnit.database.circuit-probe-every} and {@code returnit.database.circuit-suspect-after}.
	 */
	public static DataSource around(HikariDataSource pool, Duration probeEvery, Duration suspectAfter) {
		return new DatabaseCircuit(pool, new DatabaseCircuit.Settings(probeEvery, suspectAfter));
	}
}
