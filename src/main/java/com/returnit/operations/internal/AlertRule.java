package com.returnit.operations.internal;

import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * One alert rule, the in-service twin of a rule in deploy/prometheus/alerts.yml (same name, severity, threshold and
 * {@code for}). It observes one or more scopes (the cluster, this node, an area); an observation without a value
 * (its metric does not exist, e.g. before the payments module is deployed) never fires.
 */
record AlertRule(String name, String severity, double threshold, Duration pendingFor, String summary,
		Function<Readings, List<Observation>> observe) {

	/** The value of a rule in one scope; it fires when above the threshold. */
	record Observation(String scope, OptionalDouble value) {

		static Observation of(String scope, OptionalDouble value) {
			return new Observation(scope, value);
		}
	}

	boolean breached(Observation observation) {
		return observation.value().isPresent() && observation.value().getAsDouble() > threshold;
	}

	static AlertRule above(String name, String severity, double threshold, Duration pendingFor, String summary,
			Function<Readings, List<Observation>> observe) {
		return new AlertRule(name, severity, threshold, pendingFor, summary, observe);
	}
}
