package com.returnit.operations.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs the rules of {@link AlertRules} over this node's meters and the shared request history, records the state of
 * each alert in PostgreSQL and tells operators when one starts or stops firing. A rule may wait at most
 * {@code returnit.operations.alerts.pending-for} before firing.
 */
@Component
class AlertEngine {

	private static final Logger log = LoggerFactory.getLogger(AlertEngine.class);
	private static final Duration WINDOW = Duration.ofMinutes(5);

	private final List<AlertRule> rules = AlertRules.all();
	private final Map<String, Deque<Readings.Sample>> history = Readings.newHistory();
	private final MeterRegistry meters;
	private final MinuteRepository minutes;
	private final AlertRepository alerts;
	private final AlertMail mail;
	private final Node node;
	private final OperationsProperties properties;
	private final Clock clock;

	AlertEngine(MeterRegistry meters, MinuteRepository minutes, AlertRepository alerts, AlertMail mail, Node node,
			OperationsProperties properties, Clock clock) {
		this.meters = meters;
		this.minutes = minutes;
		this.alerts = alerts;
		this.mail = mail;
		this.node = node;
		this.properties = properties;
		this.clock = clock;
	}

	void evaluate(Snapshot snapshot) {
		Instant now = clock.instant();
		Readings readings = new Readings(meters, minutes.since(now.minus(WINDOW)), snapshot, node.name(), now, history);
		for (AlertRule rule : rules) {
			try {
				rule.observe().apply(readings).forEach(observation -> apply(rule, observation, now));
			}
			catch (RuntimeException e) {
				log.warn("Alert rule {} could not be evaluated", rule.name(), e);
			}
		}
	}

	private void apply(AlertRule rule, AlertRule.Observation observation, Instant now) {
		Duration pendingFor = rule.pendingFor().compareTo(properties.alerts().pendingFor()) < 0 ? rule.pendingFor()
				: properties.alerts().pendingFor();
		if (rule.breached(observation)) {
			alerts.breached(rule, observation.scope(), observation.value().getAsDouble(), now, pendingFor)
				.ifPresent(mail::firing);
		}
		else {
			Double value = observation.value().isPresent() ? observation.value().getAsDouble() : null;
			alerts.cleared(rule, observation.scope(), value, now).ifPresent(mail::resolved);
		}
	}
}
