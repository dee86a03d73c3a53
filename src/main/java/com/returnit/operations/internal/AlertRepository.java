package com.returnit.operations.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Alert state in {@code ops_alerts}. Every change is a conditional update, so when several nodes observe the same rule
 * only the one whose update matched reports the change (and sends the e-mail).
 */
@Repository
class AlertRepository {

	/** An alert as operators see it. */
	record Alert(String rule, String scope, String severity, String state, String summary, @Nullable Double value,
			Instant since, @Nullable Instant firedAt) {
	}

	private final JdbcClient jdbc;

	AlertRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The condition holds: pending from now on (unless already pending or firing); answers the alert if it fired now. */
	Optional<Alert> breached(AlertRule rule, String scope, double value, Instant now, Duration pendingFor) {
		jdbc.sql("""
				INSERT INTO ops_alerts (rule, scope, severity, state, summary, value, since, updated_at)
				VALUES (:rule, :scope, :severity, 'pending', :summary, :value, :now, :now)
				ON CONFLICT (rule, scope) DO UPDATE SET
				  state = CASE WHEN ops_alerts.state = 'resolved' THEN 'pending' ELSE ops_alerts.state END,
				  since = CASE WHEN ops_alerts.state = 'resolved' THEN excluded.since ELSE ops_alerts.since END,
				  fired_at = CASE WHEN ops_alerts.state = 'resolved' THEN NULL ELSE ops_alerts.fired_at END,
				  resolved_at = NULL, value = excluded.value, summary = excluded.summary, updated_at = excluded.updated_at""")
			.param("rule", rule.name()).param("scope", scope).param("severity", rule.severity())
			.param("summary", rule.summary()).param("value", value).param("now", Timestamp.from(now))
			.update();
		return jdbc.sql("""
				UPDATE ops_alerts SET state = 'firing', fired_at = :now
				WHERE rule = :rule AND scope = :scope AND state = 'pending' AND since <= :due
				RETURNING *""")
			.param("rule", rule.name()).param("scope", scope).param("now", Timestamp.from(now))
			.param("due", Timestamp.from(now.minus(pendingFor)))
			.query(AlertRepository::map).optional();
	}

	/** The condition no longer holds; answers the alert if it was firing (a pending one just ends). */
	Optional<Alert> cleared(AlertRule rule, String scope, @Nullable Double value, Instant now) {
		Optional<Alert> resolved = jdbc.sql("""
				UPDATE ops_alerts SET state = 'resolved', resolved_at = :now, updated_at = :now, value = :value
				WHERE rule = :rule AND scope = :scope AND state = 'firing'
				RETURNING *""")
			.param("rule", rule.name()).param("scope", scope).param("now", Timestamp.from(now)).param("value", value)
			.query(AlertRepository::map).optional();
		jdbc.sql("""
				UPDATE ops_alerts SET state = 'resolved', resolved_at = :now, updated_at = :now
				WHERE rule = :rule AND scope = :scope AND state = 'pending'""")
			.param("rule", rule.name()).param("scope", scope).param("now", Timestamp.from(now)).update();
		return resolved;
	}

	/** Firing first, then pending; critical before warning; oldest first. */
	List<Alert> active() {
		return jdbc.sql("""
				SELECT * FROM ops_alerts WHERE state <> 'resolved'
				ORDER BY state = 'firing' DESC, severity = 'critical' DESC, since""")
			.query(AlertRepository::map).list();
	}

	private static Alert map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		Timestamp fired = rs.getTimestamp("fired_at");
		return new Alert(rs.getString("rule"), rs.getString("scope"), rs.getString("severity"), rs.getString("state"),
				rs.getString("summary"), rs.getObject("value", Double.class), rs.getTimestamp("since").toInstant(),
				fired == null ? null : fired.toInstant());
	}
}
